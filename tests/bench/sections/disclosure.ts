import loadHighs from 'highs';
import type { BenchSection } from '../bench-context';
import { protectTable } from '../../../electron/engine/disclosure/protect-table';
import { lpIntervals } from '../../../electron/engine/disclosure/lp-audit';
import { xlsxWriter } from '../../../electron/engine/export/xlsx-writer';
import { csvWriter } from '../../../electron/engine/export/text-writer';
import type { OutputDocument } from '../../../electron/engine/export/table-writer';
import { DEFAULT_POLICY } from '../../../shared/disclosure/policy';
import { municipalityTable } from '../../disclosure/municipality-table';

/**
 * Protecting and exporting a full municipality matrix (581 municipalities + 4 special rows
 * and columns, with margins). Goal ≤ 5 s. Peer: auditing the same suppression pattern the
 * textbook way, one HiGHS linear programme (min and max) per suppressed cell, timed on a
 * sample of cells and extrapolated (the full run would take far too long).
 */
export const disclosureSection: BenchSection = {
  name: 'disclosure',
  async run(ctx) {
    for (const persons of [100_000, 20_000]) {
      const t = municipalityTable(persons, ctx.seed, 581, 4);
      const label = `${persons.toLocaleString('en-US')} persons, 585×585`;
      const started = performance.now();
      const { table, stats } = protectTable(t, DEFAULT_POLICY);
      const protectMs = performance.now() - started;
      const names = Array.from({ length: t.rows }, (_, i) => `Gemeente ${i}`);
      const doc: OutputDocument = {
        tables: [{ sheet: 'Verhuismatrix', corner: '', rowLabels: names, colLabels: names, totalLabel: 'Totaal', table }],
        measures: null,
        legend: { sheet: 'Legende', lines: ['[c]'] },
        metadata: { sheet: 'Metadata', rows: [['bench', 1]] },
        decimalComma: true,
      };
      const x0 = performance.now();
      const xlsx = await xlsxWriter.write(doc);
      const xlsxMs = performance.now() - x0;
      const c0 = performance.now();
      await csvWriter.write(doc);
      const csvMs = performance.now() - c0;

      // Peer: HiGHS per suppressed cell, on a sample.
      const highs = await loadHighs();
      const sample = 10;
      const p0 = performance.now();
      const ivs = lpIntervals(highs, t, table, sample).length;
      const perCell = (performance.now() - p0) / Math.max(1, ivs);
      const peerMs = perCell * stats.suppressed;

      ctx.report('disclosure', `protect ${label} (${stats.suppressed.toLocaleString('en-US')} suppressed: ${table.counts.primary} primary, ${table.counts.class} class, ${table.counts.secondary} secondary; ${stats.exactSearches} exact flow searches)`, protectMs, peerMs, 'ms', '—');
      ctx.report('disclosure', `protect + write .xlsx (${(xlsx.length / 1e6).toFixed(1)} MB) ${label}`, protectMs + xlsxMs, undefined, 'ms', '≤ 5,000 ms');
      ctx.report('disclosure', `protect + write .csv ${label}`, protectMs + csvMs, undefined, 'ms', '≤ 5,000 ms');
    }
    console.log('  (peer = HiGHS LP audit, min and max per suppressed cell, extrapolated from a sample of cells)');
  },
};
