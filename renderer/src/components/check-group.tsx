import { useId } from 'react';

interface Option<V extends string | number> {
  value: V;
  label: string;
}

interface Props<V extends string | number> {
  legend: string;
  options: readonly Option<V>[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
  /** Shown when nothing is selected: an empty list means "no restriction". */
  emptyMeaning?: string;
  testId?: string;
  columns?: number;
}

/** A fieldset of checkboxes for a multi-valued cohort field (OR within the field). */
/**
 * Columns that never squeeze a box against the next label ("☐2014☐2015☑2016" at 1920 px in a
 * narrow card): at most `columns` per line, but never narrower than the longest label plus its
 * box, so a card that is too narrow wraps to fewer columns instead.
 */
export function gridColumns(labels: readonly string[], columns?: number): string {
  let longest = 0;
  for (const l of labels) longest = Math.max(longest, l.length);
  // About 0.6 em per character, plus the box, its gap and the column gap; long labels may wrap.
  const min = `${Math.min(10, Math.round((longest * 0.6 + 2.2) * 10) / 10)}em`;
  if (!columns) return `repeat(auto-fill, minmax(${min}, 1fr))`;
  return `repeat(auto-fill, minmax(max(${min}, calc((100% - ${columns - 1} * 0.75rem) / ${columns})), 1fr))`;
}

export function CheckGroup<V extends string | number>({ legend, options, selected, onChange, emptyMeaning, testId, columns }: Props<V>) {
  const id = useId();
  const toggle = (value: V, on: boolean) => {
    const set = new Set(selected);
    if (on) set.add(value);
    else set.delete(value);
    // Keep the order of the options, so definitions compare and save stably.
    onChange(options.map((o) => o.value).filter((v) => set.has(v)));
  };
  return (
    <fieldset className="check-group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="check-group__options" style={{ gridTemplateColumns: gridColumns(options.map((o) => o.label), columns) }}>
        {options.map((o) => (
          <label key={String(o.value)} className="check" htmlFor={`${id}-${o.value}`}>
            <input
              id={`${id}-${o.value}`}
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
              data-value={o.value}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {emptyMeaning && selected.length === 0 && <p className="field__hint">{emptyMeaning}</p>}
    </fieldset>
  );
}
