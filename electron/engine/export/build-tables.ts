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
import type { PersonCells } from '../ledger/person-cells';
import { compositionCategory, compositionSheet } from './composition-labels';
import { LABELS, areaLabel, areaMeasures, type OutputLanguage } from './output-document';
import type { OutputMeasures, OutputTable } from './table-writer';

export interface BuiltTables {
  tables: OutputTable[];
  measures: OutputMeasures | null;
  /** Parallel to `tables`: who counts in which inner cell (for the release ledger). */
  personCells: PersonCells[];
}

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

export function buildMatrixTables(session: OpenSession, cohort: CohortDefinition, definition: MatrixDefinition, policy: DisclosurePolicy, lang: OutputLanguage): BuiltTables {
  const m = computeMatrix(session, cohort, definition, undefined, { persons: true });
  if (!m.personCells) throw new Error('matrix without person cells (compute it with { persons: true })');
  const { table } = protectTable(protectionInput(session, policy)(matrixCountTable(m), m.personCells), policy);
  const L = LABELS[lang];
  const out: OutputTable = {
    sheet: sheetName(`${L.matrix} ${definition.kind}`),
    corner: L.corner,
    rowLabels: m.rows.map((a) => areaLabel(a, lang)),
    colLabels: m.cols.map((a) => areaLabel(a, lang)),
    totalLabel: L.total,
    table,
  };
  const square = m.rows.length === m.cols.length && m.rows.every((a, i) => a.code === m.cols[i].code);
  // No measures from perturbed values: in/out/net and retention would mix non-additive noise.
  return { tables: [out], measures: square && policy.method !== 'perturbation' ? areaMeasures(table, m.rows, lang) : null, personCells: [m.personCells] };
}

/** One list of the fiche as a one-row table: categories are columns, the row total is the group. */
function listTable(sheet: string, label: string, categories: string[], persons: number[], policy: DisclosurePolicy, lang: OutputLanguage, input: (t: CountTable) => CountTable): OutputTable {
  const total = persons.reduce((a, b) => a + b, 0);
  const t: CountTable = { rows: 1, cols: persons.length, counts: persons, rowTotals: [total], colTotals: persons, total };
  return { sheet: sheetName(sheet), corner: '', rowLabels: [label], colLabels: categories, totalLabel: LABELS[lang].total, table: protectTable(input(t), policy).table };
}

/**
 * The fiche of one area through the same path: every list of the fiche is a table of
 * its own under the same disclosure control.
 */
export function buildFicheTables(session: OpenSession, cohort: CohortDefinition, level: AreaLevel, vintage: Vintage, areaCode: string, policy: DisclosurePolicy, lang: OutputLanguage): BuiltTables {
  const { fiche: f, personCells } = computeFicheForRelease(session, cohort, level, vintage, areaCode, { allCategories: policy.zerosUnsafe, naturalOrder: true });
  const L = LABELS[lang];
  const name = areaLabel(f.area, lang);
  const areas = (xs: { area: Area; persons: number }[]) => xs.map((x) => areaLabel(x.area, lang));
  // personCells[i] belongs to the i-th list: origins, destinations, then FICHE_COMPOSITIONS.
  const keyed = protectionInput(session, policy);
  const input = (i: number) => (t: CountTable) => keyed(t, personCells[i]);
  const tables: OutputTable[] = [
    listTable(lang === 'nl' ? 'Herkomst inwoners' : lang === 'fr' ? 'Origine résidents' : 'Origins of residents', name, areas(f.originsOfResidents), f.originsOfResidents.map((x) => x.persons), policy, lang, input(0)),
    listTable(lang === 'nl' ? 'Bestemming' : lang === 'fr' ? 'Destination' : 'Destinations', name, areas(f.destinationsOfDecided), f.destinationsOfDecided.map((x) => x.persons), policy, lang, input(1)),
  ];
  for (const [j, key] of FICHE_COMPOSITIONS.entries()) {
    const list = f.composition[key];
    tables.push(listTable(compositionSheet(key, lang), `${name} — ${L.persons}`, list.map((x) => compositionCategory(key, x.key, lang)), list.map((x) => x.persons), policy, lang, input(2 + j)));
  }
  return { tables, measures: null, personCells };
}
