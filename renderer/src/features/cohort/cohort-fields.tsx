import { useEffect, useMemo, useState } from 'react';
import { AGE_BANDS, NT2_REACHED, type ProtectionStatus } from '../../../../shared/cohort/cohort-definition';
import { KBI_TARGET_STATUSES, SEXES } from '../../../../shared/extract/extract-schema';
import type { ApiError } from '../../../../shared/api/result';
import { nationalityOptions } from '../../../../shared/format/nationality-name';
import { settle, verhuis } from '../../api/verhuis';
import { CheckGroup } from '../../components/check-group';
import { ErrorMessage } from '../../components/error-message';
import { MultiSelect } from '../../components/multi-select';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { fallbackYears, triToValue, valueToTri, withGeoCodes, withGeoLevel, type Definition } from './cohort-model';
import { GeoFilterField } from './geo-filter-field';
import { AgeRangeField, DateRangeField } from './range-fields';

interface Options {
  nationalities: string[];
  decisionYears: number[];
  applicationYears: number[];
}

const STATUSES: readonly ProtectionStatus[] = ['REFUGEE', 'SUBSIDIARY', 'OTHER'];

/** Every field of the cohort definition, grouped the way the published notes describe a cohort. */
export function CohortFields({ value, onChange }: { value: Definition; onChange: (def: Definition) => void }) {
  const { t, lang } = useI18n();
  const [options, setOptions] = useState<Options | null>(null);
  const [optionsError, setOptionsError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void settle(() => verhuis().cohort.options({})).then((r) => {
      if (!live) return;
      if (r.ok) setOptions(r.value);
      else {
        setOptionsError(r.error);
        const years = fallbackYears();
        setOptions({ nationalities: [], decisionYears: years, applicationYears: years });
      }
    });
    return () => {
      live = false;
    };
  }, []);

  // "Syrië (SYR)", sorted by name in the UI language; the search finds name and code.
  const nationalityChoices = useMemo(
    () => nationalityOptions([...(options?.nationalities ?? []), ...value.nationalities], lang),
    [options, value.nationalities, lang],
  );

  const set = <K extends keyof Definition>(key: K, v: Definition[K]) => onChange({ ...value, [key]: v });
  const yearOptions = (years: readonly number[], selected: readonly number[]) =>
    [...new Set([...years, ...selected])].sort((a, b) => a - b).map((y) => ({ value: y, label: String(y) }));
  const tri = (key: 'trajectoryStarted' | 'attestationObtained', label: MessageKey, testId: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`cohort-${key}`}>{t(label)}</label>
      <select id={`cohort-${key}`} className="input" value={valueToTri(value[key])} onChange={(e) => set(key, triToValue(e.target.value))} data-testid={testId}>
        <option value="">{t('tri.any')}</option>
        <option value="yes">{t('tri.yes')}</option>
        <option value="no">{t('tri.no')}</option>
      </select>
    </div>
  );

  return (
    <div className="cohort-fields" data-testid="cohort-fields">
      <ErrorMessage error={optionsError} testId="cohort-options-error" />
      <section className="cohort-section" aria-labelledby="cohort-s-protection">
        <h3 id="cohort-s-protection" className="cohort-section__title">{t('cohort.sectionProtection')}</h3>
        <CheckGroup
          legend={t('cohort.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
          selected={value.status}
          onChange={(v) => set('status', v)}
          emptyMeaning={t('cohort.anyStatus')}
          testId="cohort-status"
          columns={2}
        />
        <CheckGroup
          legend={t('cohort.decisionYears')}
          options={yearOptions(options?.decisionYears ?? [], value.decisionYears)}
          selected={value.decisionYears}
          onChange={(v) => set('decisionYears', v)}
          emptyMeaning={t('cohort.anyYear')}
          testId="cohort-decision-years"
          columns={6}
        />
        <DateRangeField legend={t('cohort.decisionDate')} value={value.decisionDate} onChange={(v) => set('decisionDate', v)} testId="cohort-decision-date" />
        <CheckGroup
          legend={t('cohort.applicationYears')}
          options={yearOptions(options?.applicationYears ?? [], value.applicationYears)}
          selected={value.applicationYears}
          onChange={(v) => set('applicationYears', v)}
          emptyMeaning={t('cohort.anyYear')}
          testId="cohort-application-years"
          columns={6}
        />
      </section>

      <section className="cohort-section" aria-labelledby="cohort-s-person">
        <h3 id="cohort-s-person" className="cohort-section__title">{t('cohort.sectionPerson')}</h3>
        <MultiSelect
          label={t('cohort.nationalities')}
          options={nationalityChoices}
          selected={value.nationalities}
          onChange={(v) => set('nationalities', v)}
          emptyMeaning={t('cohort.anyNationality')}
          testId="cohort-nationalities"
        />
        <CheckGroup
          legend={t('cohort.sex')}
          options={SEXES.map((s) => ({ value: s, label: t(`sex.${s}` as MessageKey) }))}
          selected={value.sexes}
          onChange={(v) => set('sexes', v)}
          testId="cohort-sex"
          columns={3}
        />
        <CheckGroup
          legend={t('cohort.ageBands')}
          options={AGE_BANDS.map((b) => ({ value: b, label: b }))}
          selected={value.ageBands}
          onChange={(v) => set('ageBands', v)}
          emptyMeaning={t('cohort.ageHint')}
          testId="cohort-age-bands"
          columns={4}
        />
        <AgeRangeField value={value.ageRange} onChange={(v) => set('ageRange', v)} />
      </section>

      <section className="cohort-section" aria-labelledby="cohort-s-geo">
        <h3 id="cohort-s-geo" className="cohort-section__title">{t('cohort.sectionGeo')}</h3>
        <GeoFilterField
          legend={t('cohort.geoAtDecision')}
          value={value.geoAtDecision}
          onLevel={(level, vintage) => onChange(withGeoLevel(value, 'geoAtDecision', level, vintage))}
          onCodes={(codes) => onChange(withGeoCodes(value, 'geoAtDecision', codes))}
          allowSpecial={false}
          testId="cohort-geo-decision"
        />
        <GeoFilterField
          legend={t('cohort.geoAtReference')}
          value={value.geoAtReference}
          onLevel={(level, vintage) => onChange(withGeoLevel(value, 'geoAtReference', level, vintage))}
          onCodes={(codes) => onChange(withGeoCodes(value, 'geoAtReference', codes))}
          allowSpecial
          testId="cohort-geo-reference"
        />
      </section>

      <section className="cohort-section" aria-labelledby="cohort-s-kbi">
        <h3 id="cohort-s-kbi" className="cohort-section__title">{t('cohort.sectionKbi')}</h3>
        <CheckGroup
          legend={t('cohort.kbiTargetStatus')}
          options={KBI_TARGET_STATUSES.map((s) => ({ value: s, label: t(`kbi.${s}` as MessageKey) }))}
          selected={value.kbiTargetStatus}
          onChange={(v) => set('kbiTargetStatus', v)}
          testId="cohort-kbi-status"
          columns={2}
        />
        <div className="form-grid form-grid--2">
          {tri('trajectoryStarted', 'cohort.trajectoryStarted', 'cohort-trajectory')}
          {tri('attestationObtained', 'cohort.attestationObtained', 'cohort-attestation')}
        </div>
        <CheckGroup
          legend={t('cohort.nt2Reached')}
          options={NT2_REACHED.map((l) => ({ value: l, label: l === 'NONE' ? t('nt2.NONE') : l }))}
          selected={value.nt2Reached}
          onChange={(v) => set('nt2Reached', v)}
          testId="cohort-nt2"
          columns={3}
        />
      </section>
    </div>
  );
}
