import { useEffect, useId, useMemo, useState } from 'react';
import { SPECIAL_AREAS, type Area, type AreaLevel, type Vintage } from '../../../../shared/geo/area-level';
import type { GeoFilter } from '../../../../shared/cohort/cohort-definition';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { MultiSelect, type MultiOption } from '../../components/multi-select';
import { useI18n, type MessageKey } from '../../i18n/i18n';

const LEVELS: readonly AreaLevel[] = ['region', 'province', 'arrondissement', 'municipality'];
const VINTAGES: readonly Vintage[] = ['2014', '2019', '2025'];

// Areas of a level and vintage do not change while the app runs: ask once.
const areaCache = new Map<string, Area[]>();

interface Props {
  legend: string;
  value: GeoFilter | null;
  onLevel: (level: AreaLevel | null, vintage: Vintage) => void;
  onCodes: (codes: string[]) => void;
  /** On the reference date a person can be abroad, removed, deceased or unknown. */
  allowSpecial: boolean;
  testId: string;
}

/** Geography filter: a level, a vintage of municipality codes, and the areas to keep. */
export function GeoFilterField({ legend, value, onLevel, onCodes, allowSpecial, testId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [areas, setAreas] = useState<Area[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const level = value?.level ?? null;
  const vintage = value?.vintage ?? '2019';

  useEffect(() => {
    if (level === null) return undefined;
    const key = `${level}|${vintage}`;
    const cached = areaCache.get(key);
    if (cached) {
      setAreas(cached);
      setError(null);
      return undefined;
    }
    let live = true;
    void settle(() => verhuis().geo.areas({ level, vintage })).then((r) => {
      if (!live) return;
      if (r.ok) {
        areaCache.set(key, r.value.areas);
        setAreas(r.value.areas);
        setError(null);
      } else {
        setAreas([]);
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [level, vintage]);

  const options = useMemo<MultiOption[]>(() => {
    const list: MultiOption[] = areas
      .filter((a) => allowSpecial || !a.special)
      .map((a) => ({ value: a.code, label: a.special ? t(`special.${a.code}` as MessageKey) : a.nameNl, keywords: `${a.code} ${a.nameFr}` }));
    if (allowSpecial) {
      for (const code of SPECIAL_AREAS) {
        if (!list.some((o) => o.value === code)) list.push({ value: code, label: t(`special.${code}` as MessageKey), keywords: code });
      }
    }
    return list;
  }, [areas, allowSpecial, t]);

  return (
    <fieldset className="geo-filter" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="form-grid form-grid--2">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-level`}>{t('geo.level')}</label>
          <select
            id={`${id}-level`}
            className="input"
            value={level ?? ''}
            onChange={(e) => onLevel(e.target.value === '' ? null : (e.target.value as AreaLevel), vintage)}
            data-testid={`${testId}-level`}
          >
            <option value="">{t('geo.none')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>{t(`level.${l}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-vintage`}>{t('geo.vintage')}</label>
          <select
            id={`${id}-vintage`}
            className="input"
            value={vintage}
            disabled={level === null}
            onChange={(e) => onLevel(level, e.target.value as Vintage)}
          >
            {VINTAGES.map((v) => (
              <option key={v} value={v}>{t(`vintage.${v}` as MessageKey)}</option>
            ))}
          </select>
        </div>
      </div>
      {level !== null && (
        <>
          <ErrorMessage error={error} />
          <MultiSelect
            label={t('geo.areas')}
            options={options}
            selected={value?.codes ?? []}
            onChange={onCodes}
            emptyMeaning={t('cohort.anyArea')}
            testId={`${testId}-areas`}
          />
        </>
      )}
    </fieldset>
  );
}
