import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { Category, CrosstabSubject } from '../../../shared/crosstab/crosstab-definition';
import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import type { OpenSession } from '../core/open-session';
import { evaluateCohort } from '../cohort/evaluate-cohort';
import { sessionIndex } from '../cohort/session-index';
import { protectTable } from '../disclosure/protect-table';
import { protectionInput } from '../disclosure/perturbation-input';
import { personCellsFromCellOf, type PersonCells } from '../ledger/person-cells';
import { LABELS, type OutputLanguage } from '../export/output-document';
import type { BuiltTables, LinkedCells } from '../export/build-tables';
import type { CountTable } from '../disclosure/count-table';
import { computeCrosstab, type CountsTable, type PersonPlacement } from './compute-crosstab';
import { computeProfile } from './compute-profile';

/** The protected tables of a cross-tab or profile, each with the ledger's record of who counts where. */
export type BuiltCrosstabTables = BuiltTables & { measures: null };

const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
const text = (c: { nl: string; en: string }, lang: OutputLanguage) => (lang === 'en' ? c.en : c.nl);

/** Person → cell of one table (layer `l`), -1 elsewhere. */
function cellsOfLayer(p: PersonPlacement, l: number | null): PersonCells {
  if (l === null || !p.layer) return personCellsFromCellOf(p.cell);
  const cellOf = new Int32Array(p.cell.length).fill(-1);
  const layer = p.layer;
  for (let i = 0; i < cellOf.length; i++) if (p.cell[i] >= 0 && layer[i] === l) cellOf[i] = p.cell[i];
  return personCellsFromCellOf(cellOf);
}

const countTable = (t: CountsTable): CountTable => ({ rows: t.rows, cols: t.cols, counts: t.counts, rowTotals: t.rowTotals, colTotals: t.colTotals, total: t.total, ...(t.keys ? { keys: t.keys } : {}) });

/**
 * A cross-tab (one table per layer) or the standard profile (one one-way table per
 * variable) under the same disclosure control as the matrices: each table protected on
 * its own here; the release ledger then protects them jointly with every earlier release.
 */
export function buildCrosstabTables(session: OpenSession, cohort: CohortDefinition, subject: CrosstabSubject, policy: DisclosurePolicy, lang: OutputLanguage, linked?: LinkedCells): BuiltCrosstabTables {
  const ix = sessionIndex(session);
  const members = evaluateCohort(ix, cohort);
  const L = LABELS[lang];
  const labels = (cs: Category[]) => cs.map((c) => text(c, lang));
  if (subject.kind === 'profile') {
    const profile = computeProfile(ix, members, subject.options, { persons: true });
    const personCells = profile.map((p) => cellsOfLayer(p.placement!, null));
    // Under perturbation the counts carry the cell keys of their persons (secret person keys).
    const keyed = protectionInput(session, policy);
    const counts = profile.map((p, i) => keyed(countTable(p.table), personCells[i]));
    return {
      tables: profile.map((p, i) => ({
        sheet: sheetName(text(p.label, lang)),
        corner: text(p.label, lang),
        rowLabels: [L.persons],
        colLabels: labels(p.categories),
        totalLabel: L.total,
        table: protectTable(counts[i], policy, { linked: linked?.[i] }).table,
      })),
      measures: null,
      personCells,
      counts,
      hierarchy: profile.map(() => null),
    };
  }
  const x = computeCrosstab(ix, members, subject.definition, { persons: true });
  const corner = `${text(x.labels.rows, lang)} \\ ${text(x.labels.cols, lang)}`;
  const personCells = x.layers.map((_, l) => cellsOfLayer(x.placement!, x.labels.layers ? l : null));
  const keyed = protectionInput(session, policy);
  const counts = x.layers.map((layer, l) => keyed(countTable(layer.table), personCells[l]));
  return {
    tables: x.layers.map((layer, l) => ({
      sheet: sheetName(layer.category ? `${l + 1} ${text(layer.category, lang)}` : lang === 'en' ? 'Cross-tab' : 'Kruistabel'),
      corner: layer.category && x.labels.layers ? `${corner} — ${text(x.labels.layers, lang)}: ${text(layer.category, lang)}` : corner,
      rowLabels: labels(x.rowCategories),
      colLabels: labels(x.colCategories),
      totalLabel: L.total,
      table: protectTable(counts[l], policy, { linked: linked?.[l] }).table,
    })),
    measures: null,
    personCells,
    counts,
    // Not area × area matrices: no implied coarser tables.
    hierarchy: x.layers.map(() => null),
  };
}
