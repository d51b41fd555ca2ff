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

/**
 * Splits the persons into atoms, table by table; deterministic for the same tables. Atoms
 * are numbered by their first person, so the numbering does not depend on the table order.
 */
export function buildAtoms(tables: readonly LedgerTable[]): Atoms {
  let persons = 0;
  for (const t of tables) {
    const p = t.personCells.person;
    if (p.length) persons = Math.max(persons, p[p.length - 1] + 1);
  }
  // Atom id so far per person; 0 = in no table yet. Each table refines it, touching only
  // its own persons: a person outside the table keeps the id, and every person inside
  // gets a fresh id per (old id, entries in the table), so both sides split apart. The
  // cost is the tables' sizes, not tables × persons (a ledger holds many small cohorts).
  const atomOf = new Int32Array(persons);
  let nextId = 1;
  for (const t of tables) {
    // Keys stay exact doubles (id · 2^23 + sig < 2^53) while ids stay below 2^30.
    if (nextId > 2 ** 29) nextId = renumber(atomOf) + 1;
    const ids = new Map<number, number>();
    forEachSignature(t, (p, sig) => {
      const key = atomOf[p] * 8_388_608 + sig;
      let id = ids.get(key);
      if (id === undefined) {
        id = nextId++;
        ids.set(key, id);
      }
      atomOf[p] = id;
    });
  }
  // Dense ids 1..count in order of each atom's first person; atom a is id a + 1.
  const count = renumber(atomOf);
  const sizes = new Int32Array(count);
  const isRep = new Uint8Array(persons);
  for (let p = 0; p < persons; p++) {
    const a = atomOf[p] - 1;
    if (a < 0) continue;
    if (sizes[a]++ === 0) isRep[p] = 1;
  }
  const entries = tables.map((t) => atomEntries(t, atomOf, isRep, count));
  return { count, size: sizes, entries };
}

/** Renumbers the ids 1..n in order of first person (0 stays 0); returns n. */
function renumber(atomOf: Int32Array): number {
  const dense = new Map<number, number>();
  for (let p = 0; p < atomOf.length; p++) {
    const id = atomOf[p];
    if (id === 0) continue;
    let d = dense.get(id);
    if (d === undefined) dense.set(id, (d = dense.size + 1));
    atomOf[p] = d;
  }
  return dense.size;
}

/**
 * Calls back once per person of the table with a number that differs exactly when their
 * entries in this table differ (never 0): cell + 1 for one-entry tables, an interned id
 * for weighted lists (a person's entries are consecutive).
 */
function forEachSignature(t: LedgerTable, visit: (person: number, sig: number) => void): void {
  const { person, cell, weight } = t.personCells;
  if (weight === null) {
    for (let i = 0; i < person.length; i++) visit(person[i], cell[i] + 1);
    return;
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
    visit(person[i], id);
    i = j;
  }
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
