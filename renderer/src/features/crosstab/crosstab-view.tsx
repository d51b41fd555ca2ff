import { useMemo, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { CrosstabResult } from '../../../../shared/api/methods/crosstab';
import type { CrosstabDefinition } from '../../../../shared/crosstab/crosstab-definition';
import { CROSSTAB_MEASURES, type CrosstabMeasure } from '../../../../shared/crosstab/crosstab-measures';
import { formatCount, formatDuration } from '../../../../shared/format/number-format';
import { ErrorMessage } from '../../components/error-message';
import { SelectField } from '../../components/select-field';
import { DisclosureLegend } from '../matrix/disclosure-legend';
import { ExportButtons } from '../matrix/export-buttons';
import { linkedReleasesOf } from '../profile/linked-releases';
import { protectedClass } from '../profile/protected-cell';
import { flagsFromProtected } from '../matrix/grid-rows';
import '../matrix/matrix.css';
import '../profile/profile.css';
import { type ProfileTextKey, useProfileText } from '../profile/profile-i18n';
import { useEngineValue, useProtectedTables } from '../profile/use-crosstab-data';
import { CrosstabTable } from './crosstab-table';
import { draftFromVariable, draftOf, variableOf, type VariableDraft } from './variable-draft';
import { SavedWithCohort } from './saved-with-cohort';
import { VariablePicker } from './variable-picker';

export interface CrosstabChoice {
  rows: VariableDraft;
  cols: VariableDraft;
  layers: VariableDraft | null;
  measure: CrosstabMeasure;
}

/** Nationality × region at decision: the note's first cross-tab. */
export const INITIAL_CROSSTAB: CrosstabChoice = { rows: draftOf('nationality'), cols: draftOf('area'), layers: null, measure: 'counts' };

/**
 * The cross-tab builder: rows, columns and optional layers from every person-level variable,
 * with custom groups; counts or row/column/total percentages; the cells disclosure control
 * will protect marked; export through the release path.
 */
export function CrosstabView({ cohort, choice, onChoice }: { cohort: CohortDefinition; choice: CrosstabChoice; onChoice: (next: CrosstabChoice) => void }) {
  const { lang, pt } = useProfileText();
  const [layer, setLayer] = useState(0);
  const built = useMemo(() => {
    const rows = variableOf(choice.rows);
    const cols = variableOf(choice.cols);
    const layers = choice.layers ? variableOf(choice.layers) : null;
    for (const v of [rows, cols, layers]) if (v && !v.ok) return { definition: null, issue: v.issue };
    const value = (v: typeof rows) => (v.ok ? v.value : null);
    return { definition: { rows: value(rows)!, cols: value(cols)!, layers: layers ? value(layers) : null } as CrosstabDefinition, issue: null };
  }, [choice.rows, choice.cols, choice.layers]);
  const definition = built.definition;
  const key = definition ? JSON.stringify([cohort, definition]) : null;
  const result = useEngineValue<CrosstabResult>(key, () => window.verhuis!.crosstab.compute({ cohort, definition: definition! }));
  const subject = useMemo(() => (definition ? { kind: 'crosstab' as const, definition } : null), [definition]);
  const preview = useProtectedTables(cohort, subject);
  const x = result.value;
  const layerIndex = x && layer < x.layers.length ? layer : 0;
  const protectedTable = preview.value?.tables[layerIndex] ?? null;
  const flags = useMemo(() => (protectedTable ? flagsFromProtected(protectedTable) : null), [protectedTable]);
  const set = (patch: Partial<CrosstabChoice>) => onChoice({ ...choice, ...patch });

  return (
    <section className="crosstab-view" data-testid="crosstab-view" data-ready={x && !result.loading ? 'true' : 'false'}>
      <h2 className="view-title">{pt('crosstab.title')}</h2>
      <p className="field__hint">{pt('crosstab.lead')}</p>
      <div className="crosstab-builder">
        <VariablePicker legend={pt('crosstab.rows')} testId="crosstab-rows" draft={choice.rows} onChange={(d) => d && set({ rows: d })} blank={(k) => draftOf(k)} />
        <VariablePicker legend={pt('crosstab.cols')} testId="crosstab-cols" draft={choice.cols} onChange={(d) => d && set({ cols: d })} blank={(k) => draftOf(k)} />
        <VariablePicker legend={pt('crosstab.layers')} testId="crosstab-layers" draft={choice.layers} onChange={(d) => set({ layers: d })} optional blank={(k) => draftOf(k)} />
        <SelectField
          label={pt('crosstab.measure')}
          value={choice.measure}
          options={CROSSTAB_MEASURES.map((m) => ({ value: m, label: pt(`crosstab.measure.${m}` as ProfileTextKey) }))}
          onChange={(measure) => set({ measure })}
          testId="crosstab-measure"
          className="field"
        />
      </div>
      <SavedWithCohort
        definition={definition}
        onLoad={(d) => onChoice({ ...choice, rows: draftFromVariable(d.rows), cols: draftFromVariable(d.cols), layers: d.layers ? draftFromVariable(d.layers) : null })}
      />
      {built.issue && <p className="field__hint" role="alert" data-testid="crosstab-invalid">{pt('crosstab.invalid', { issue: built.issue })}</p>}
      <ErrorMessage error={result.error} testId="crosstab-error" />
      {x && (
        <>
          <p className="profile-size" data-testid="crosstab-size" data-n={x.cohortSize}>
            {pt('profile.cohortSize', { n: formatCount(x.cohortSize, lang) })} · <span className="field__hint">{pt('profile.computed', { ms: formatDuration(x.ms, lang) })}</span>
          </p>
          <DisclosureLegend
            flags={flags}
            threshold={protectedTable?.threshold ?? 10}
            method={protectedTable?.method ?? 'suppression'}
            roundingBase={protectedTable?.roundingBase ?? null}
            available={protectedTable !== null}
            error={preview.error}
            linkedReleases={linkedReleasesOf(preview.value?.tables ?? null)}
          />
          {subject && <ExportButtons subject={{ kind: 'crosstab', cohort, subject, fileBase: `${lang === 'en' ? 'crosstab' : 'kruistabel'}-${definition!.rows.var}-${definition!.cols.var}` }} />}
          {x.labels.layers && (
            <div className="crosstab-layers" role="tablist" aria-label={pt('crosstab.layer')}>
              {x.layers.map((l, i) => (
                <button key={l.category?.code ?? i} type="button" role="tab" aria-selected={i === layerIndex} className={`button${i === layerIndex ? ' button--primary' : ''}`} onClick={() => setLayer(i)} data-testid={`crosstab-layer-${i}`}>
                  {l.category ? (lang === 'en' ? l.category.en : l.category.nl) : ''}{' '}
                  {/* The layer's total is marked as its table's total will be protected. */}
                  <span className={protectedClass(preview.value?.tables[i]?.totalStatus).trim()} data-status={preview.value?.tables[i]?.totalStatus ?? ''}>
                    ({formatCount(l.table.total, lang)})
                  </span>
                </button>
              ))}
            </div>
          )}
          {x.cohortSize === 0 ? <p className="field__hint">{pt('crosstab.empty')}</p> : <CrosstabTable result={x} layer={layerIndex} measure={choice.measure} protectedTable={protectedTable} />}
        </>
      )}
    </section>
  );
}
