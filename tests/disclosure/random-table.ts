import fc from 'fast-check';
import type { CountTable } from '../../electron/engine/disclosure/count-table';

/** A table from its inner counts, with margins added up. */
export function tableOf(rows: number, cols: number, counts: number[]): CountTable {
  const rowTotals = new Array<number>(rows).fill(0);
  const colTotals = new Array<number>(cols).fill(0);
  let total = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const v = counts[r * cols + c];
      rowTotals[r] += v;
      colTotals[c] += v;
      total += v;
    }
  return { rows, cols, counts, rowTotals, colTotals, total };
}

/** Small relocation-like tables: many zeros and small counts, some large ones. */
export const arbTable = (maxRows = 5, maxCols = 5) =>
  fc
    .record({ rows: fc.integer({ min: 1, max: maxRows }), cols: fc.integer({ min: 1, max: maxCols }) })
    .chain(({ rows, cols }) =>
      fc
        .array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(0) },
            { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
            { weight: 3, arbitrary: fc.integer({ min: 10, max: 60 }) },
          ),
          { minLength: rows * cols, maxLength: rows * cols },
        )
        .map((counts) => tableOf(rows, cols, counts)),
    );
