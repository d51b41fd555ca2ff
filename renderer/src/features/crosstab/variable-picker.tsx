import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';
import { SelectField } from '../../components/select-field';
import { type ProfileTextKey, useProfileText } from '../profile/profile-i18n';
import { VARIABLE_KINDS, type VariableDraft, type VariableKind } from './variable-draft';

const LEVELS: AreaLevel[] = ['region', 'province', 'arrondissement', 'municipality'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
const TOPS = ['5', '10', '15', '20', '30', 'all'];

interface Props {
  legend: string;
  testId: string;
  draft: VariableDraft | null;
  onChange: (next: VariableDraft | null) => void;
  /** Layers may be empty. */
  optional?: boolean;
  blank: (kind: VariableKind) => VariableDraft;
}

/** One variable of the cross-tab with the options of its kind (top N and groups, age bands, area level/moment/vintage/group). */
export function VariablePicker({ legend, testId, draft, onChange, optional = false, blank }: Props) {
  const { pt } = useProfileText();
  const kinds = VARIABLE_KINDS.map((k) => ({ value: k as string, label: pt(`var.${k}` as ProfileTextKey) }));
  const options = optional ? [{ value: '', label: pt('crosstab.noLayers') }, ...kinds] : kinds;
  const set = (patch: Partial<VariableDraft>) => draft && onChange({ ...draft, ...patch });
  return (
    <fieldset className="variable-picker" data-testid={testId}>
      <legend>{legend}</legend>
      <SelectField
        label={pt('crosstab.variable')}
        value={draft?.kind ?? ''}
        options={options}
        onChange={(v) => onChange(v === '' ? null : draft ? { ...draft, kind: v as VariableKind } : blank(v as VariableKind))}
        testId={`${testId}-kind`}
        className="field"
      />
      {draft?.kind === 'nationality' && (
        <>
          <SelectField label={pt('crosstab.top')} value={draft.top} options={TOPS.map((t) => ({ value: t, label: t === 'all' ? pt('crosstab.allNationalities') : t }))} onChange={(top) => set({ top })} testId={`${testId}-top`} className="field" />
          <label className="field">
            <span className="field__label">{pt('crosstab.natGroups')}</span>
            <input className="input" value={draft.natGroups} onChange={(e) => set({ natGroups: e.target.value })} data-testid={`${testId}-groups`} />
          </label>
        </>
      )}
      {draft?.kind === 'ageBand' && (
        <label className="field">
          <span className="field__label">{pt('crosstab.bands')}</span>
          <input className="input" value={draft.bands} placeholder="0-17,18-24,25-34,…" onChange={(e) => set({ bands: e.target.value })} data-testid={`${testId}-bands`} />
        </label>
      )}
      {draft?.kind === 'area' && (
        <>
          <SelectField label={pt('crosstab.level')} value={draft.level} options={LEVELS.map((l) => ({ value: l, label: pt(`level.${l}` as ProfileTextKey) }))} onChange={(level) => set({ level })} testId={`${testId}-level`} className="field" />
          <SelectField
            label={pt('crosstab.at')}
            value={draft.at}
            options={(['decision', 'reference', 'date'] as const).map((a) => ({ value: a, label: pt(`crosstab.at.${a}` as ProfileTextKey) }))}
            onChange={(at) => set({ at })}
            testId={`${testId}-at`}
            className="field"
          />
          {draft.at === 'date' && (
            <label className="field">
              <span className="field__label">{pt('crosstab.date')}</span>
              <input className="input" value={draft.date} placeholder="2020-01-01" onChange={(e) => set({ date: e.target.value })} data-testid={`${testId}-date`} />
            </label>
          )}
          <SelectField label={pt('profile.vintage')} value={draft.vintage} options={VINTAGES.map((v) => ({ value: v, label: v }))} onChange={(vintage) => set({ vintage })} testId={`${testId}-vintage`} className="field" />
          {draft.level === 'municipality' && (
            <label className="field field--inline">
              <input type="checkbox" checked={draft.centrumsteden} onChange={(e) => set({ centrumsteden: e.target.checked })} data-testid={`${testId}-centrumsteden`} />
              <span>{pt('crosstab.centrumsteden')}</span>
            </label>
          )}
        </>
      )}
    </fieldset>
  );
}
