import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvWriter, tsvWriter } from '../../electron/engine/export/text-writer';
import type { OutputDocument } from '../../electron/engine/export/table-writer';
import { neutraliseText } from '../../shared/format/csv-cell';
import { makeTempDir } from '../support/make-extract';

/**
 * Issue 11.4: text that a spreadsheet would turn into a formula (=, +, -, @, tab, CR at the
 * start) is neutralised in CSV and TSV as OWASP recommends; numbers, negative ones included,
 * stay numbers. Checked by reading the CSV back in LibreOffice.
 */
const CRAFTED = ['=1+1', '+2+2', '-3+3', '@SUM(4;4)', '\t=5+5', '\r=6+6', '=HYPERLINK("http://x.invalid";"klik")'];

function doc(): OutputDocument {
  const cols = CRAFTED.length;
  const cells = CRAFTED.map((_, i) => i + 1);
  return {
    tables: [
      {
        sheet: 'Matrix',
        corner: '-corner',
        rowLabels: ['Gent (44021)'],
        colLabels: CRAFTED,
        totalLabel: 'Totaal',
        table: {
          method: 'suppression', threshold: 10, roundingBase: null, rows: 1, cols, cells, rowTotals: [28], colTotals: cells, total: 28,
          cellStatus: '.'.repeat(cols), rowStatus: '.', colStatus: '.'.repeat(cols), totalStatus: '.', counts: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 }, linkedTo: [],
        },
      },
    ],
    measures: { sheet: 'Maten', header: ['Gebied', 'Netto'], rows: [['=cmd|calc', -12], ['@x', -3.5]], percentColumns: [] },
    legend: { sheet: 'Legende', lines: ['+legend'] },
    metadata: { sheet: 'Metadata', rows: [['Extract id', '+31-extract'], ['Threshold (persons)', 10]] },
    decimalComma: true,
  };
}

/** Every field of a delimited text, with whether it was quoted (a spreadsheet's text cell). */
function fieldsOf(text: string, delimiter: string): { value: string; quoted: boolean }[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    cast: (value: string, ctx: { quoting: boolean }) => ({ value, quoted: ctx.quoting }),
  }) as unknown as { value: string; quoted: boolean }[][];
  return rows.flat();
}

describe('CSV formula neutralisation', () => {
  it('prefixes text that starts a formula and leaves other text alone', () => {
    for (const s of CRAFTED) expect(neutraliseText(s)).toBe(`'${s}`);
    expect(neutraliseText('Gent (44021)')).toBe('Gent (44021)');
    expect(neutraliseText('')).toBe('');
  });

  it('writes no field that starts a formula, in CSV and in the clipboard TSV', async () => {
    const d = doc();
    const csv = new TextDecoder().decode(await csvWriter.write(d)).replace(/^\uFEFF/, '');
    const tsv = new TextDecoder().decode(await tsvWriter.write(d));
    let fields = 0;
    for (const [text, sep] of [[csv, ';'], [tsv, '\t']] as const) {
      for (const f of fieldsOf(text, sep)) {
        fields++;
        if (!f.quoted && /^-?\d+(,\d+)?$/.test(f.value)) continue; // a number
        expect(f.value, `field ${JSON.stringify(f.value)}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    expect(fields).toBeGreaterThan(30);
    // Negative numbers stay numbers: unquoted, with the decimal comma.
    expect(csv).toContain(';-12\r\n');
    expect(csv).toContain(';-3,5\r\n');
  });

  it('LibreOffice reads every crafted field back as text, and the negative numbers as numbers', async () => {
    const dir = makeTempDir('vv-csv-inj-');
    const file = path.join(dir, 'injected.csv');
    writeFileSync(file, await csvWriter.write(doc()));
    const out = makeTempDir('vv-csv-inj-out-');
    const profile = makeTempDir('vv-lo-profile-');
    // Import: ';' separated, '"' quoted, UTF-8, line 1, Dutch (Belgium) numbers, formulas evaluated (token 13); export: every text cell quoted (token 7), formulas as shown.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:59,34,76,1,,2067,false,true,false,false,false,-1,true', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true', '--outdir', out, file],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const cells = fieldsOf(readFileSync(path.join(out, 'injected.csv'), 'utf8'), ',');
    // Evaluated formulas would come back as unquoted numbers (2, 4, 0, 8…) or a link text; as text they keep their characters.
    for (const s of CRAFTED) {
      const cell = cells.find((c) => c.value.includes(s.replace(/^[\t\r]/, '')));
      expect(cell, s).toBeDefined();
      expect(cell!.quoted, s).toBe(true);
    }
    const numbers = cells.filter((c) => !c.quoted).map((c) => c.value);
    expect(numbers).toContain('-12');
    expect(numbers.some((v) => /^-3[.,]5$/.test(v))).toBe(true);
  }, 180_000);
});
