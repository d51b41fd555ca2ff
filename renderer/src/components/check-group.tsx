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
      <div className="check-group__options" style={columns ? { gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` } : undefined}>
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
