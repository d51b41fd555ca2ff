import { percentTable, type CellMeasure } from '../../../shared/disclosure/percent-table';
import type { OutputLanguage } from './output-document';
import type { OutputDocument } from './table-writer';

/** The measure's name as the screen's "Maat" control says it (fr for French area names). */
export const MEASURE_LABEL: Record<OutputLanguage, Record<CellMeasure, string>> = {
  nl: { counts: 'Aantallen', rowPct: 'Rijpercentages', colPct: 'Kolompercentages' },
  fr: { counts: 'Effectifs', rowPct: 'Pourcentages en ligne', colPct: 'Pourcentages en colonne' },
  en: { counts: 'Counts', rowPct: 'Row percentages', colPct: 'Column percentages' },
};

const MEASURE_KEY: Record<OutputLanguage, string> = { nl: 'Maat', fr: 'Mesure', en: 'Measure' };

const PERCENT_LEGEND: Record<OutputLanguage, string> = {
  nl: '[c] bij een percentage: teller of noemer is beschermd (weggelaten of afgerond), dus ook het percentage. Een leeg vak: de noemer is 0.',
  fr: "[c] pour un pourcentage : le numérateur ou le dénominateur est protégé (masqué ou arrondi), donc le pourcentage aussi. Case vide : le dénominateur vaut 0.",
  en: '[c] for a percentage: its numerator or denominator is protected (withheld or rounded), so the percentage is too. An empty cell: the denominator is 0.',
};

/**
 * The document of a release in the chosen measure. Counts leave it as it is (apart from the
 * metadata line naming the measure); row or column percentages replace each table's values by
 * percentages computed from its published values only (shared/disclosure/percent-table.ts).
 * The file says which measure it is: in the corner cell, the legend and the metadata.
 */
export function documentInMeasure(doc: OutputDocument, measure: CellMeasure, lang: OutputLanguage): OutputDocument {
  const label = MEASURE_LABEL[lang][measure];
  const metaRows = [...doc.metadata.rows];
  // After the cohort lines, before the table definition.
  const at = metaRows.findIndex(([k]) => k === 'Cohort (JSON)');
  metaRows.splice(at < 0 ? metaRows.length : at + 1, 0, [MEASURE_KEY[lang], label]);
  if (measure === 'counts') return { ...doc, metadata: { ...doc.metadata, rows: metaRows } };
  return {
    ...doc,
    tables: doc.tables.map((t) => ({ ...t, corner: t.corner ? `${t.corner} — ${label}` : label, percent: percentTable(t.table, measure) })),
    legend: { ...doc.legend, lines: [...doc.legend.lines, PERCENT_LEGEND[lang]] },
    metadata: { ...doc.metadata, rows: metaRows },
  };
}
