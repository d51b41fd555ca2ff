import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import type { Area, AreaLevel, Vintage } from '../../../shared/geo/area-level';
import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { OpenSession } from '../core/open-session';
import type { CountTable } from '../disclosure/count-table';
import { protectTable } from '../disclosure/protect-table';
import { protectionInput } from '../disclosure/perturbation-input';
import { computeMatrix, type ComputedMatrix } from '../matrix/compute-matrix';
import { FICHE_COMPOSITIONS, computeFicheForRelease } from '../matrix/fiche';
import type { Hierarchy } from '../ledger/hierarchy';
import type { PersonCells } from '../ledger/person-cells';
import { compositionCategory, compositionSheet } from './composition-labels';
import { LABELS, areaLabel, areaMeasures, type OutputLanguage } from './output-document';
import { cornerLabel } from '../../../shared/matrix/matrix-labels';
import type { OutputMeasures, OutputTable } from './table-writer';
import { definitionKindLabel } from './metadata-labels';

export interface BuiltTables {
  tables: OutputTable[];
  measures: OutputMeasures | null;
  /** Parallel to `tables`: who counts in which inner cell (for the release ledger). */
  personCells: PersonCells[];
  /** Parallel to `tables`: the counts before protection (the ledger re-protects them). */
  counts: CountTable[];
  /** Parallel to `tables`: level and vintage of area × area matrices (null otherwise). */
  hierarchy: Hierarchy[];
  /**
   * The same tables protected around other linked cells, without computing them again
   * (a municipality matrix takes longer to count than to protect). Absent: build anew.
   */
  reprotect?: (linked: LinkedCells) => BuiltTables;
}

/** Per table: grid index → earlier release it must stay suppressed for (from the ledger). */
export type LinkedCells = ReadonlyArray<ReadonlyMap<number, number>>;

/**
 * The count table of a computed matrix, with person keys of every cell and margin for
 * rounding (the same persons round alike in every table). For all-moves the
 * counts are moves and `persons` carries the distinct persons behind each cell and margin,
 * so the threshold applies to persons while the published values stay move counts.
 */
export function matrixCountTable(m: ComputedMatrix): CountTable {
  if (m.definition.kind === 'all-moves' && !m.persons) throw new Error('all-moves matrix without persons per cell');
  if (!m.keys) throw new Error('matrix without person keys (compute it with { persons: true })');
  return {
    rows: m.rows.length,
    cols: m.cols.length,
    counts: m.counts,
    rowTotals: m.rowTotals,
    colTotals: m.colTotals,
    total: m.total,
    keys: m.keys,
    ...(m.persons ? { persons: m.persons } : {}),
  };
}

const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export function buildMatrixTables(session: OpenSession, cohort: CohortDefinition, definition: MatrixDefinition, policy: DisclosurePolicy, lang: OutputLanguage, linked?: LinkedCells): BuiltTables {
  const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
  const personCells = m.personCells;
  if (!personCells) throw new Error('matrix without person cells (compute it with { persons: true })');
  // Under perturbation the counts carry the cell keys: the ledger re-protects these very tables.
  const counts = protectionInput(session, policy)(matrixCountTable(m), personCells);
  const L = LABELS[lang];
  const assemble = (around?: LinkedCells): BuiltTables => {
    const { table } = protectTable(counts, policy, { linked: around?.[0] });
    const out: OutputTable = {
      sheet: sheetName(`${L.matrix} ${definitionKindLabel(definition.kind, lang)}`),
      corner: cornerLabel(definition, lang),
      rowLabels: m.rows.map((a) => areaLabel(a, lang)),
      colLabels: m.cols.map((a) => areaLabel(a, lang)),
      totalLabel: L.total,
      table,
      areas: { rows: m.rows, cols: m.cols },
    };
    const square = m.rows.length === m.cols.length && m.rows.every((a, i) => a.code === m.cols[i].code);
    // No measures from perturbed values: in/out/net and retention would mix non-additive noise.
    const measures = square && policy.method !== 'perturbation' ? areaMeasures(table, m.rows, lang, definition.kind) : null;
    return { tables: [out], measures, personCells: [personCells], counts: [counts], hierarchy: [{ vintage: definition.vintage, level: definition.level }], reprotect: assemble };
  };
  return assemble(linked);
}

/** One list of the fiche as a one-row table: categories are columns, the row total is the group. */
function listTable(sheet: string, label: string, categories: string[], persons: number[], policy: DisclosurePolicy, lang: OutputLanguage, linked: ReadonlyMap<number, number> | undefined, counts: CountTable[], input: (t: CountTable) => CountTable): OutputTable {
  let total = 0;
  for (const p of persons) total += p;
  const t = input({ rows: 1, cols: persons.length, counts: persons, rowTotals: [total], colTotals: persons, total });
  counts.push(t);
  return { sheet: sheetName(sheet), corner: '', rowLabels: [label], colLabels: categories, totalLabel: LABELS[lang].total, table: protectTable(t, policy, { linked }).table };
}

/**
 * The fiche of one area through the same path: every list of the fiche is a table of
 * its own under the same disclosure control.
 */
export function buildFicheTables(session: OpenSession, cohort: CohortDefinition, level: AreaLevel, vintage: Vintage, areaCode: string, policy: DisclosurePolicy, lang: OutputLanguage, linked?: LinkedCells): BuiltTables {
  const counts: CountTable[] = [];
  const { fiche: f, personCells } = computeFicheForRelease(session, cohort, level, vintage, areaCode, { allCategories: policy.zerosUnsafe, naturalOrder: true });
  const L = LABELS[lang];
  const name = areaLabel(f.area, lang);
  const areas = (xs: { area: Area; persons: number }[]) => xs.map((x) => areaLabel(x.area, lang));
  // personCells[i] belongs to the i-th list: origins, destinations, then FICHE_COMPOSITIONS.
  const keyed = protectionInput(session, policy);
  const input = (i: number) => (t: CountTable) => keyed(t, personCells[i]);
  const tables: OutputTable[] = [
    listTable(lang === 'nl' ? 'Herkomst inwoners' : lang === 'fr' ? 'Origine résidents' : 'Origins of residents', name, areas(f.originsOfResidents), f.originsOfResidents.map((x) => x.persons), policy, lang, linked?.[0], counts, input(0)),
    listTable(lang === 'nl' ? 'Bestemming' : lang === 'fr' ? 'Destination' : 'Destinations', name, areas(f.destinationsOfDecided), f.destinationsOfDecided.map((x) => x.persons), policy, lang, linked?.[1], counts, input(1)),
  ];
  for (const [j, key] of FICHE_COMPOSITIONS.entries()) {
    const list = f.composition[key];
    tables.push(listTable(compositionSheet(key, lang), `${name} — ${L.persons}`, list.map((x) => compositionCategory(key, x.key, lang)), list.map((x) => x.persons), policy, lang, linked?.[tables.length], counts, input(2 + j)));
  }
  return { tables, measures: null, personCells, counts, hierarchy: tables.map(() => null) };
}
