import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';
import type { MatrixKind } from '../../../../shared/matrix/matrix-definition';
import { DateField } from '../../components/date-field';
import { SelectField } from '../../components/select-field';
import type { NameLanguage } from './area-order';
import { periodReversed } from './matrix-dates';
import type { MatrixDateField } from '../../../../shared/matrix/matrix-date-checks';
import type { CellMeasure } from './matrix-measures';
import { type MatrixTextKey, useMatrixText } from './matrix-i18n';
import { VintageNotes } from './vintage-notes';

export interface MatrixChoice {
  kind: MatrixKind;
  level: AreaLevel;
  vintage: Vintage;
  measure: CellMeasure;
  /** Months after the decision, or null for the reference date. */
  followUpMonths: number | null;
  nameLang: NameLanguage;
  /** state: origin / destination on these ISO dates instead of decision / reference date. */
  originDate: string | null;
  destinationDate: string | null;
  /** all-moves: the period, used when both ends are filled in and in order. */
  periodFrom: string | null;
  periodTo: string | null;
}

const KINDS: MatrixKind[] = ['state', 'first-move', 'first-area-move', 'all-moves'];
const LEVELS: AreaLevel[] = ['region', 'province', 'arrondissement', 'municipality'];
const VINTAGES: Vintage[] = ['2014', '2019', '2025'];
const MEASURES: [CellMeasure, MatrixTextKey][] = [
  ['counts', 'measure.counts'],
  ['rowPct', 'measure.rowPct'],
  ['colPct', 'measure.colPct'],
];
const FOLLOW_UP = [null, 6, 12, 24, 36, 60] as const;

interface Props {
  choice: MatrixChoice;
  onChange: (next: MatrixChoice) => void;
  /** Date fields to mark as wrong (shared/matrix/matrix-date-checks.ts). */
  invalidDates?: readonly MatrixDateField[];
}

/** The matrix definition as the analyst chooses it: definition, level, vintage, measure, window, names. */
export function MatrixControls({ choice, onChange, invalidDates = [] }: Props) {
  const { mt } = useMatrixText();
  const set = <K extends keyof MatrixChoice>(key: K, value: MatrixChoice[K]): void => onChange({ ...choice, [key]: value });
  return (
    <form className="matrix-controls" id="matrix-controls" onSubmit={(e) => e.preventDefault()} data-testid="matrix-controls">
      <SelectField
        className="matrix-controls__field matrix-controls__field--wide"
        label={mt('matrix.kind')}
        value={choice.kind}
        options={KINDS.map((k) => ({ value: k, label: mt(`matrix.kind.${k}` as MatrixTextKey) }))}
        onChange={(v) => set('kind', v)}
        testId="matrix-kind"
      />
      <SelectField
        label={mt('matrix.level')}
        value={choice.level}
        options={LEVELS.map((l) => ({ value: l, label: mt(`level.${l}` as MatrixTextKey) }))}
        onChange={(v) => set('level', v)}
        testId="matrix-level"
      />
      {/* The vintage notes sit on the label line of the vintage choice and open over the view. */}
      <div className="vintage-field">
        <SelectField
          label={mt('matrix.vintage')}
          value={choice.vintage}
          options={VINTAGES.map((v) => ({ value: v, label: mt(`vintage.${v}` as MatrixTextKey) }))}
          onChange={(v) => set('vintage', v)}
          testId="matrix-vintage"
        />
        <VintageNotes vintage={choice.vintage} />
      </div>
      <SelectField
        label={mt('matrix.measure')}
        value={choice.measure}
        options={MEASURES.map(([m, key]) => ({ value: m, label: mt(key) }))}
        onChange={(v) => set('measure', v)}
        testId="matrix-measure"
      />
      <label className="matrix-controls__field">
        <span className="field__label">{mt('matrix.followUp')}</span>
        <select
          className="input"
          value={choice.followUpMonths ?? ''}
          onChange={(e) => set('followUpMonths', e.target.value === '' ? null : Number(e.target.value))}
          data-testid="matrix-follow-up"
        >
          {FOLLOW_UP.map((m) => (
            <option key={m ?? 'none'} value={m ?? ''}>
              {m === null ? mt('matrix.followUpNone') : String(m)}
            </option>
          ))}
        </select>
      </label>
      {choice.kind === 'state' && (
        <>
          <DateField
            layout="stacked"
            label={mt('matrix.originDate')}
            hint={mt('matrix.originDateHint')}
            value={choice.originDate}
            onChange={(v) => set('originDate', v)}
            invalid={invalidDates.includes('originDate')}
            testId="matrix-origin-date"
          />
          <DateField
            layout="stacked"
            label={mt('matrix.destinationDate')}
            hint={mt('matrix.destinationDateHint')}
            value={choice.destinationDate}
            onChange={(v) => set('destinationDate', v)}
            invalid={invalidDates.includes('destinationDate')}
            testId="matrix-destination-date"
          />
        </>
      )}
      {choice.kind === 'all-moves' && (
        <>
          <DateField
            layout="stacked"
            label={mt('matrix.periodFrom')}
            hint={periodReversed(choice) ? undefined : mt('matrix.periodHint')}
            value={choice.periodFrom}
            onChange={(v) => set('periodFrom', v)}
            invalid={periodReversed(choice) || invalidDates.includes('periodFrom')}
            testId="matrix-period-from"
          />
          <DateField
            layout="stacked"
            label={mt('matrix.periodTo')}
            value={choice.periodTo}
            onChange={(v) => set('periodTo', v)}
            invalid={periodReversed(choice) || invalidDates.includes('periodTo')}
            testId="matrix-period-to"
          />
          {periodReversed(choice) && (
            <p className="field__error" role="alert">
              {mt('matrix.periodReversed')}
            </p>
          )}
        </>
      )}
      <fieldset className="matrix-controls__field matrix-controls__names">
        <legend className="field__label">{mt('matrix.names')}</legend>
        {(['nl', 'fr'] as const).map((l) => (
          <label key={l} className="matrix-controls__radio">
            <input type="radio" name="matrix-names" value={l} checked={choice.nameLang === l} onChange={() => set('nameLang', l)} />
            {l.toUpperCase()}
          </label>
        ))}
      </fieldset>
    </form>
  );
}
