import { AREA_LEVELS_FINE_TO_COARSE, type AreaLevel, type Vintage } from './hierarchy';
import { getGeography } from '../geo/geography';
import type { LedgerTable } from './ledger-table';
import type { PersonCells } from './person-cells';

/**
 * The coarser matrices a released matrix implies. A municipality matrix fixes every
 * arrondissement, province and region cell as a sum of its cells, whether or not those
 * tables are ever released. Their small cells (1..T−1 persons) are protected like the cells
 * of a released table, so that releasing the fine table first cannot expose a coarse small
 * count, and releasing the coarse table later stays possible (τ-Argus' hierarchical tables
 * make the same point). They publish nothing themselves: every value is NaN.
 */
export function impliedTables(t: LedgerTable): LedgerTable[] {
  if (!t.hierarchy) return [];
  const { vintage, level } = t.hierarchy;
  const from = AREA_LEVELS_FINE_TO_COARSE.indexOf(level);
  const out: LedgerTable[] = [];
  for (const coarse of AREA_LEVELS_FINE_TO_COARSE.slice(from + 1)) out.push(coarsen(t, vintage, level, coarse));
  return out;
}

/** Fine area index → coarse area index within one vintage; the four special areas map to themselves. */
export function areaMap(vintage: Vintage, fine: AreaLevel, coarse: AreaLevel): { map: Int32Array; size: number } {
  const vg = getGeography().vintages[vintage];
  const nFine = vg.areas[fine].length;
  const nCoarse = vg.areas[coarse].length;
  const map = new Int32Array(nFine).fill(-1);
  const f = vg.areaOfMunicipality[fine];
  const c = vg.areaOfMunicipality[coarse];
  for (let m = 0; m < f.length; m++) map[f[m]] = c[m];
  for (let s = 1; s <= 4; s++) map[nFine - s] = nCoarse - s;
  return { map, size: nCoarse };
}

function coarsen(t: LedgerTable, vintage: Vintage, fine: AreaLevel, coarse: AreaLevel): LedgerTable {
  const { map, size } = areaMap(vintage, fine, coarse);
  const pc = t.personCells;
  const person: number[] = [];
  const cell: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < pc.person.length; i++) {
    const r = map[Math.floor(pc.cell[i] / t.cols)];
    const c = map[pc.cell[i] % t.cols];
    const k = r * size + c;
    const w = pc.weight ? pc.weight[i] : 1;
    // Merge a person's entries that land in the same coarse cell (entries are grouped by person).
    let j = person.length - 1;
    while (j >= 0 && person[j] === pc.person[i] && cell[j] !== k) j--;
    if (j >= 0 && person[j] === pc.person[i]) weight[j] += w;
    else {
      person.push(pc.person[i]);
      cell.push(k);
      weight.push(w);
    }
  }
  const personCells: PersonCells = { person: Int32Array.from(person), cell: Int32Array.from(cell), weight: pc.weight ? Int32Array.from(weight) : null };
  const g = (size + 1) * (size + 1);
  const sensitive = new Uint8Array(g);
  const persons = distinctPersons(personCells, size);
  for (let k = 0; k < g; k++) sensitive[k] = persons[k] > 0 && persons[k] < t.threshold ? 1 : 0;
  return {
    release: t.release,
    index: -1,
    rows: size,
    cols: size,
    threshold: t.threshold,
    value: new Float64Array(g).fill(NaN),
    halfWidth: new Float64Array(g),
    sensitive,
    personCells,
    hierarchy: null,
  };
}

/** Distinct persons behind every grid value (cells, row totals, column totals, total). */
function distinctPersons(pc: PersonCells, size: number): Int32Array {
  const C = size + 1;
  const out = new Int32Array(C * C);
  const mark = new Int32Array(C * C).fill(-1);
  const bump = (k: number, p: number) => {
    if (mark[k] !== p) {
      mark[k] = p;
      out[k]++;
    }
  };
  for (let i = 0; i < pc.person.length; i++) {
    const p = pc.person[i];
    const r = Math.floor(pc.cell[i] / size);
    const c = pc.cell[i] % size;
    bump(r * C + c, p);
    bump(r * C + size, p);
    bump(size * C + c, p);
    bump(C * C - 1, p);
  }
  return out;
}
