export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface Props<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  testId?: string;
  className?: string;
}

/** A labelled drop-down whose value is one of a fixed set of strings. */
export function SelectField<V extends string>({ label, value, options, onChange, testId, className = 'matrix-controls__field' }: Props<V>) {
  return (
    <label className={className}>
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
