import type { LedgerTable } from './ledger-table';

/**
 * Atoms: persons who fall in the same inner cell (with the same weight) of every table in
 * the ledger. Every published value is a sum over atoms, so the atoms' sizes are the unknowns
 * of the attacker's equations — GaussSuppression's model matrix with atoms as inner cells
 * (Statistics Norway, "Linked table suppression", global protection).
 *
 * Only persons who count in at least one table belong to an atom; the others are in no
 * published value and play no part.
 */
export interface Atoms {
  count: number;
  /** Persons per atom. */
  size: Int32Array;
  /** Per table: for each atom, its entries in that table (cell and weight), CSR by atom. */
  entries: AtomEntries[];
}

export interface AtomEntries {
  /** start[a]..start[a+1] index cell/weight; empty when the atom is not in the table. */
  start: Int32Array;
  cell: Int32Array;
  weight: Int32Array;
}

/** Splits the persons into atoms, table by table; deterministic for the same tables. */
export function buildAtoms(tables: readonly LedgerTable[]): Atoms {
  let persons = 0;
  for (const t of tables) {
    const p = t.personCells.person;
    if (p.length) persons = Math.max(persons, p[p.length - 1] + 1);
  }
  // Atom ids so far per person; 0 = in no table yet. Refined by each table in turn.
  let atomOf = new Int32Array(persons);
  let atomCount = 1;
  for (const t of tables) {
    const sig = tableSignatures(t, persons);
    const ids = new Map<number, number>();
    const next = new Int32Array(persons);
    let n = 1;
    for (let p = 0; p < persons; p++) {
      if (atomOf[p] === 0 && sig[p] === 0) continue;
      const key = atomOf[p] * 8_388_608 + sig[p];
      let id = ids.get(key);
      if (id === undefined) {
        id = n++;
        ids.set(key, id);
      }
      next[p] = id;
    }
    atomOf = next;
    atomCount = n;
  }
  // Compact ids 1..n−1 to 0..count−1.
  const count = atomCount - 1;
  const size = new Int32Array(count);
  const rep = new Int32Array(count).fill(-1);
  for (let p = 0; p < persons; p++) {
    const a = atomOf[p] - 1;
    if (a < 0) continue;
    size[a]++;
    if (rep[a] < 0) rep[a] = p;
  }
  const isRep = new Uint8Array(persons);
  for (let a = 0; a < count; a++) isRep[rep[a]] = 1;
  const entries = tables.map((t) => atomEntries(t, atomOf, isRep, count));
  return { count, size, entries };
}

/**
 * A number per person that differs exactly when their entries in this table differ:
 * 0 = not in the table, cell + 1 for one-entry tables, an interned id for weighted lists.
 */
function tableSignatures(t: LedgerTable, persons: number): Int32Array {
  const sig = new Int32Array(persons);
  const { person, cell, weight } = t.personCells;
  if (weight === null) {
    for (let i = 0; i < person.length; i++) sig[person[i]] = cell[i] + 1;
    return sig;
  }
  const ids = new Map<string, number>();
  for (let i = 0; i < person.length; ) {
    let j = i;
    const parts: string[] = [];
    while (j < person.length && person[j] === person[i]) {
      parts.push(`${cell[j]}x${weight[j]}`);
      j++;
    }
    parts.sort();
    const key = parts.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
    }
    sig[person[i]] = id;
    i = j;
  }
  return sig;
}

/** Each atom's entries in one table, read from one representative person. */
function atomEntries(t: LedgerTable, atomOf: Int32Array, isRep: Uint8Array, count: number): AtomEntries {
  const { person, cell, weight } = t.personCells;
  const lists: Array<[number, number][] | undefined> = new Array(count);
  let total = 0;
  for (let i = 0; i < person.length; i++) {
    const p = person[i];
    if (!isRep[p]) continue;
    const a = atomOf[p] - 1;
    (lists[a] ??= []).push([cell[i], weight ? weight[i] : 1]);
    total++;
  }
  const start = new Int32Array(count + 1);
  const cells = new Int32Array(total);
  const weights = new Int32Array(total);
  let k = 0;
  for (let a = 0; a < count; a++) {
    start[a] = k;
    for (const [c, w] of lists[a] ?? []) {
      cells[k] = c;
      weights[k++] = w;
    }
  }
  start[count] = k;
  return { start, cell: cells, weight: weights };
}
