import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAtoms } from '../../electron/engine/ledger/atoms';
import type { LedgerTable } from '../../electron/engine/ledger/ledger-table';

/** A table of `cells` inner cells from person → entries ([cell, weight] pairs; empty = not counted). */
function table(entries: Array<Array<[number, number]>>, weighted: boolean): LedgerTable {
  const person: number[] = [];
  const cell: number[] = [];
  const weight: number[] = [];
  entries.forEach((list, p) => {
    for (const [c, w] of list) {
      person.push(p);
      cell.push(c);
      weight.push(w);
    }
  });
  const none = new Float64Array(0);
  return {
    release: 1,
    index: 0,
    rows: 1,
    cols: 4,
    threshold: 5,
    value: none,
    halfWidth: none,
    sensitive: new Uint8Array(0),
    personCells: { person: Int32Array.from(person), cell: Int32Array.from(cell), weight: weighted ? Int32Array.from(weight) : null },
    hierarchy: null,
  } as LedgerTable;
}

/** Each person's entries in every table, as text: persons with the same text form one atom. */
function signature(tables: Array<Array<Array<[number, number]>>>, p: number): string {
  return tables.map((t) => (t[p] ?? []).map(([c, w]) => `${c}x${w}`).sort().join(',')).join('|');
}

describe('atoms: persons who fall in the same cells of every table', () => {
  it('are exactly the groups of persons with the same entries in every table, numbered by first person', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }));
    const oneEntry = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }).map((c) => (c === undefined ? [] : [[c, 1] as [number, number]]));
    const manyEntries = fc.uniqueArray(entry, { maxLength: 3, selector: (e) => e[0] });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.infiniteStream(fc.tuple(oneEntry, manyEntries)),
        (persons, kinds, stream) => {
          const it = stream[Symbol.iterator]();
          const raw = kinds.map((weighted) => Array.from({ length: persons }, () => it.next().value![weighted ? 1 : 0]));
          const atoms = buildAtoms(raw.map((t, i) => table(t, kinds[i])));
          // The naive partition: by signature, persons in no table left out, numbered by first person.
          const ids = new Map<string, number>();
          const expectedSize: number[] = [];
          const atomOf: number[] = [];
          for (let p = 0; p < persons; p++) {
            if (raw.every((t) => t[p].length === 0)) {
              atomOf.push(-1);
              continue;
            }
            const s = signature(raw, p);
            if (!ids.has(s)) {
              ids.set(s, ids.size);
              expectedSize.push(0);
            }
            expectedSize[ids.get(s)!]++;
            atomOf.push(ids.get(s)!);
          }
          expect(atoms.count).toBe(ids.size);
          expect(Array.from(atoms.size)).toEqual(expectedSize);
          // Each atom's entries in each table are its persons' entries.
          raw.forEach((t, ti) => {
            const e = atoms.entries[ti];
            for (let p = 0; p < persons; p++) {
              const a = atomOf[p];
              if (a < 0) continue;
              const got: string[] = [];
              for (let i = e.start[a]; i < e.start[a + 1]; i++) got.push(`${e.cell[i]}x${e.weight[i]}`);
              expect(got.sort()).toEqual(t[p].map(([c, w]: [number, number]) => `${c}x${kinds[ti] ? w : 1}`).sort());
            }
          });
        },
      ),
      { numRuns: 300, seed: 20180127 },
    );
  });
});
