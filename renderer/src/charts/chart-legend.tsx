/** One entry of a chart legend: a swatch (box, or line) and what it means. */
export interface LegendItem {
  swatch: { kind: 'box' | 'line'; color: string };
  text: string;
}

/** A small legend under a chart, in HTML so screen readers and the language follow the UI. */
export function ChartLegend({ title, items, testId }: { title: string; items: LegendItem[]; testId: string }) {
  return (
    <div className="chart-legend" role="group" aria-label={title} data-testid={testId}>
      <ul>
        {items.map((it) => (
          <li key={it.text}>
            <span
              className={`chart-legend__swatch chart-legend__swatch--${it.swatch.kind}`}
              style={it.swatch.kind === 'box' ? { background: it.swatch.color } : { borderTopColor: it.swatch.color }}
              aria-hidden="true"
            />
            {it.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
