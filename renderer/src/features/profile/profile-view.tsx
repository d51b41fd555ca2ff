import { useMemo, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { ProfileResult } from '../../../../shared/api/methods/crosstab';
import type { Vintage } from '../../../../shared/geo/area-level';
import { formatCount, formatDuration, formatPercent } from '../../../../shared/format/number-format';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/select-field';
import { DisclosureLegend } from '../matrix/disclosure-legend';
import { ExportButtons } from '../matrix/export-buttons';
import { linkedReleasesOf } from './linked-releases';
import { flagsFromProtected, type CellFlags } from '../matrix/grid-rows';
import '../matrix/matrix.css';
import { ProfileTable } from './profile-table';
import { type ProfileTextKey, useProfileText } from './profile-i18n';
import { useEngineValue, useProtectedTables } from './use-crosstab-data';
import './profile.css';

const TOPS = ['5', '10', '15', '20'] as const;
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];

/**
 * The cohort profile, as the monitoring note opens: status, nationality (top N + other), sex,
 * age band and year of decision, region and province at decision and on the reference date,
 * civic-integration target and trajectory. Counts and shares with bars; the cells disclosure
 * control will protect on export are marked as in the matrix view.
 */
export function ProfileView({ cohort }: { cohort: CohortDefinition }) {
  const { lang, pt } = useProfileText();
  const [top, setTop] = useState<(typeof TOPS)[number]>('10');
  const [vintage, setVintage] = useState<Vintage>('2019');
  const options = useMemo(() => ({ topNationalities: Number(top), vintage }), [top, vintage]);
  const key = JSON.stringify([cohort, options]);
  const profile = useEngineValue<ProfileResult>(key, () => window.verhuis!.crosstab.profile({ cohort, options }));
  const subject = useMemo(() => ({ kind: 'profile' as const, options }), [options]);
  const preview = useProtectedTables(cohort, subject);
  const p = profile.value;
  const protectedTables = preview.value?.tables ?? null;
  const flags = useMemo(() => mergeFlags(protectedTables?.map(flagsFromProtected) ?? null), [protectedTables]);
  const first = protectedTables?.[0];

  return (
    <section className="profile-view" data-testid="profile-view" data-ready={p && !profile.loading ? 'true' : 'false'}>
      <h2 className="view-title">{pt('profile.title')}</h2>
      <p className="field__hint">{pt('profile.lead')}</p>
      <div className="matrix-controls">
        <SelectField label={pt('profile.top')} value={top} options={TOPS.map((v) => ({ value: v, label: v }))} onChange={setTop} testId="profile-top" />
        <SelectField label={pt('profile.vintage')} value={vintage} options={VINTAGES.map((v) => ({ value: v, label: v }))} onChange={setVintage} testId="profile-vintage" />
      </div>
      <ErrorMessage error={profile.error} testId="profile-error" />
      {profile.loading && !p && <p className="field__hint" role="status">{pt('profile.loading')}</p>}
      {p && (
        <>
          <p className="profile-size" data-testid="profile-size" data-n={p.cohortSize}>
            {pt('profile.cohortSize', { n: formatCount(p.cohortSize, lang) })} · <span className="field__hint" data-ms={p.ms}>{pt('profile.computed', { ms: formatDuration(p.ms, lang) })}</span>
          </p>
          <Highlights profile={p} />
          <DisclosureLegend
            flags={flags}
            threshold={first?.threshold ?? 10}
            method={first?.method ?? 'suppression'}
            roundingBase={first?.roundingBase ?? null}
            available={protectedTables !== null}
            error={preview.error}
            linkedReleases={linkedReleasesOf(preview.value?.tables ?? null)}
          />
          <ExportButtons subject={{ kind: 'profile', cohort, subject, fileBase: lang === 'en' ? 'profile' : 'profiel' }} />
          <ExportButtons subject={{ kind: 'profile-chart', cohort, options, fileBase: lang === 'en' ? 'profile-chart' : 'profiel-grafiek' }} />
          <div className="profile-grid" data-copy-guard="">
            {p.tables.map((t, i) => (
              <ProfileTable
                key={t.key}
                tableKey={t.key}
                title={lang === 'en' ? t.label.en : t.label.nl}
                categories={t.categories}
                counts={t.counts}
                protectedTable={protectedTables?.[i]?.cols === t.counts.length ? protectedTables[i] : null}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** The figures the note quotes first: refugees vs subsidiary protection, minors, men, largest nationality. */
function Highlights({ profile }: { profile: ProfileResult }) {
  const { lang, pt } = useProfileText();
  const n = profile.cohortSize;
  const share = (key: string, code: string) => {
    const t = profile.tables.find((x) => x.key === key);
    const i = t ? t.categories.findIndex((c) => c.code === code) : -1;
    return t && i >= 0 && n ? t.counts[i] / n : null;
  };
  const nat = profile.tables.find((x) => x.key === 'nationality');
  const topNat = nat?.categories[0];
  const items: [string, number | null, ProfileTextKey, Record<string, string>?][] = [
    ['refugee', share('status', 'REFUGEE'), 'profile.h.refugee'],
    ['subsidiary', share('status', 'SUBSIDIARY'), 'profile.h.subsidiary'],
    ['minors', share('ageBand', '0-17'), 'profile.h.minors'],
    ['men', share('sex', 'M'), 'profile.h.men'],
    ['topNationality', topNat && topNat.code !== 'OTHER_GROUP' ? share('nationality', topNat.code) : null, 'profile.h.topNationality', { name: topNat ? (lang === 'en' ? topNat.en : topNat.nl) : '' }],
  ];
  return (
    <div className="fiche-kpis" aria-label={pt('profile.highlights')} data-testid="profile-highlights">
      {items.map(([id, value, key, params]) => (
        <div className="fiche-kpi" key={id} data-testid={`profile-h-${id}`} data-value={value ?? ''}>
          <div className="fiche-kpi__value">{value === null ? '–' : formatPercent(value, lang)}</div>
          <div className="fiche-kpi__label">{pt(key, params)}</div>
        </div>
      ))}
    </div>
  );
}

/** One set of flags over all tables, for the legend's counts. */
function mergeFlags(list: CellFlags[] | null): CellFlags | null {
  if (!list) return null;
  return {
    cells: list.flatMap((f) => f.cells),
    rowTotals: list.flatMap((f) => f.rowTotals),
    colTotals: list.flatMap((f) => f.colTotals),
    total: null,
  };
}
