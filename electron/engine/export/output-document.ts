import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { chartAreaName } from './chart/chart-area-name';
import { definitionKindLabel, describeCohort, levelLabel, metaLabel, metaValue } from './metadata-labels';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import type { ExportedTable } from '../../../shared/disclosure/audit-entry';
import type { DisclosurePolicy } from '../../../shared/disclosure/policy';
import { PERTURBATION_MAX_NOISE, PERTURBATION_VARIANCE, type ProtectedCounts, type ReasonCounts } from '../../../shared/disclosure/protection';
import type { Area, AreaLevel } from '../../../shared/geo/area-level';
import type { OutputMeasures } from './table-writer';
import { diagonalLabel, diagonalShareLabel } from '../../../shared/matrix/matrix-labels';
import type { MatrixKind } from '../../../shared/matrix/matrix-definition';

export type OutputLanguage = 'nl' | 'fr' | 'en';

/** Labels of the outputs. Area names follow the language (French names for fr). */
export const LABELS = {
  nl: { total: 'Totaal', corner: 'Bij beslissing \\ op einddatum', area: 'Gebied', in: 'Instroom', out: 'Uitstroom', net: 'Netto', stayers: 'Blijvers', retention: 'Retentie', effectiveness: 'Effectiviteit', measures: 'Maten per gebied', legend: 'Legende', metadata: 'Metadata', matrix: 'Verhuismatrix', persons: 'Personen' },
  fr: { total: 'Total', corner: 'À la décision \\ à la date de fin', area: 'Zone', in: 'Entrées', out: 'Sorties', net: 'Solde', stayers: 'Restés', retention: 'Rétention', effectiveness: 'Efficacité', measures: 'Mesures par zone', legend: 'Légende', metadata: 'Métadonnées', matrix: 'Matrice de déménagement', persons: 'Personnes' },
  en: { total: 'Total', corner: 'At decision \\ at end date', area: 'Area', in: 'In', out: 'Out', net: 'Net', stayers: 'Stayers', retention: 'Retention', effectiveness: 'Effectiveness', measures: 'Area measures', legend: 'Legend', metadata: 'Metadata', matrix: 'Relocation matrix', persons: 'Persons' },
} as const;

export const areaLabel = (a: Area, lang: OutputLanguage): string => {
  const name = chartAreaName(a, lang);
  return a.special ? name : `${name} (${a.code})`;
};

/** The legend of a perturbed output: what the noise is, and that the table does not add up. */
function perturbationLegend(lang: OutputLanguage): string[] {
  const D = PERTURBATION_MAX_NOISE;
  const V = PERTURBATION_VARIANCE;
  if (lang === 'fr')
    return [
      `Toutes les valeurs sont perturbées par clé de cellule : un bruit d'au plus ±${D} (variance ${V}), toujours le même pour les mêmes personnes. Les valeurs 1 et 2 ne sont jamais publiées (elles deviennent 0 ou 3); un vrai zéro reste 0.`,
      'Le tableau N’EST PAS additif : les totaux et les marges sont perturbés séparément et ne sont pas la somme des cellules. Aucun pourcentage n’est calculé à partir de valeurs perturbées.',
    ];
  if (lang === 'en')
    return [
      `All values are perturbed with cell-key noise of at most ±${D} (variance ${V}), always the same for the same persons. Values 1 and 2 are never published (they become 0 or 3); a true zero stays 0.`,
      'The table is NOT additive: totals and margins are perturbed on their own and are not the sums of the cells. No percentages are computed from perturbed values.',
    ];
  return [
    `Alle waarden zijn verstoord met celsleutelruis van hoogstens ±${D} (variantie ${V}), altijd dezelfde voor dezelfde personen. De waarden 1 en 2 worden nooit gepubliceerd (ze worden 0 of 3); een echte nul blijft 0.`,
    'De tabel is NIET additief: totalen en marges zijn apart verstoord en zijn niet de som van de cellen. Uit verstoorde waarden worden geen percentages berekend.',
  ];
}

export function legendLines(lang: OutputLanguage, policy: DisclosurePolicy): string[] {
  if (policy.method === 'perturbation') return perturbationLegend(lang);
  const T = policy.threshold;
  if (lang === 'fr')
    return [
      `[c] = valeur confidentielle : moins de ${T} personnes, ou masquée pour qu'une valeur confidentielle ne puisse être recalculée.`,
      policy.method === 'rounding' ? `Toutes les valeurs sont arrondies aléatoirement à un multiple de ${policy.roundingBase}; les totaux sont arrondis séparément.` : 'Les valeurs publiées sont exactes.',
    ];
  if (lang === 'en')
    return [
      `[c] = confidential: fewer than ${T} persons, or withheld so that a confidential value cannot be recomputed.`,
      policy.method === 'rounding' ? `All values are randomly rounded to a multiple of ${policy.roundingBase}; totals are rounded separately.` : 'Published values are exact.',
    ];
  return [
    `[c] = vertrouwelijk: minder dan ${T} personen, of weggelaten zodat een vertrouwelijke waarde niet herberekend kan worden.`,
    policy.method === 'rounding' ? `Alle waarden zijn willekeurig afgerond op een veelvoud van ${policy.roundingBase}; totalen zijn apart afgerond.` : 'Gepubliceerde waarden zijn exact.',
  ];
}

/**
 * Per-area measures of a square protected matrix, from published values only (so they
 * reveal nothing the table does not): null where an input is suppressed.
 */
export function areaMeasures(p: ProtectedCounts, areas: Area[], lang: OutputLanguage, kind: MatrixKind = 'state'): OutputMeasures {
  const L = LABELS[lang];
  const rows: OutputMeasures['rows'] = [];
  for (let i = 0; i < p.rows; i++) {
    const stay = p.cells[i * p.cols + i];
    const rt = p.rowTotals[i];
    const ct = p.colTotals[i];
    const inflow = ct === null || stay === null ? null : ct - stay;
    const outflow = rt === null || stay === null ? null : rt - stay;
    const net = inflow === null || outflow === null ? null : inflow - outflow;
    const retention = stay === null || rt === null || rt === 0 ? null : stay / rt;
    // Effectiveness (in − out) / (in + out) as a fraction, like retention: both are written as percentages.
    const eff = inflow === null || outflow === null || inflow + outflow === 0 ? null : (inflow - outflow) / (inflow + outflow);
    rows.push([areaLabel(areas[i], lang), stay, inflow, outflow, net, retention, eff]);
  }
  // The diagonal and its share are named per definition: in all-moves they count moves, not stayers.
  const header = [L.area, diagonalLabel(kind, lang), L.in, L.out, L.net, diagonalShareLabel(kind, lang), L.effectiveness];
  return { sheet: L.measures, header, rows, percentColumns: [5, 6], special: areas.map((a) => a.special) };
}

export { describeCohort } from './metadata-labels';

export interface MetadataInput {
  summary: ExtractSummary;
  cohort: CohortDefinition;
  table: ExportedTable;
  policy: DisclosurePolicy;
  counts: ReasonCounts;
  appVersion: string;
  createdAt: Date;
  /** The language of the labels (the UI language of the export); English when not given. */
  language?: OutputLanguage;
}

function methodText(p: DisclosurePolicy): string {
  if (p.method === 'rounding') return `random rounding, base ${p.roundingBase}`;
  if (p.method === 'perturbation') return 'cell-key perturbation (secret person keys; the same persons always give the same value)';
  return 'cell suppression (primary, class, secondary with interval audit)';
}

/** A perturbed table says so, with the ptable's bounds, and that it does not add up. */
function perturbationRows(p: DisclosurePolicy): Array<[string, string | number]> {
  if (p.method !== 'perturbation') return [];
  return [
    ['Perturbed', 'yes: every non-zero cell, row total, column total and the grand total'],
    ['Additive', 'no: margins and totals are perturbed on their own, not summed from the perturbed cells'],
    ['Perturbation: maximum noise D', PERTURBATION_MAX_NOISE],
    ['Perturbation: noise variance (counts ≥ 4)', PERTURBATION_VARIANCE],
    ['Perturbation: published values', 'a true 0 stays 0; counts 1 and 2 become 0 or 3; never 1 or 2; every value within ±D of the count'],
    ['Percentages', 'not computed from perturbed values'],
  ];
}

export function metadataRows(m: MetadataInput): Array<[string, string | number]> {
  const t = m.table;
  const lang = m.language ?? 'en';
  const L = (k: Parameters<typeof metaLabel>[0]) => metaLabel(k, lang);
  const rows: Array<[string, string | number]> = [
    [L('extractId'), m.summary.extractId],
    [L('extractSha'), m.summary.fingerprint],
    [L('referenceDate'), m.summary.referenceDate],
    [L('cohort'), describeCohort(m.cohort, lang)],
    [L('cohortJson'), JSON.stringify(m.cohort)],
  ];
  if (t.kind === 'matrix') {
    rows.push(
      [L('definition'), definitionKindLabel(t.definition.kind, lang)],
      [L('level'), levelLabel(t.definition.level, lang)],
      [L('vintage'), t.definition.vintage],
      [L('definitionJson'), JSON.stringify(t.definition)],
    );
  } else if (t.kind === 'fiche') {
    rows.push([L('fiche'), t.areaCode], [L('level'), levelLabel(t.level as AreaLevel, lang)], [L('vintage'), t.vintage]);
  } else if (t.kind === 'crosstab') {
    const d = t.definition;
    rows.push(['Cross-tab rows', d.rows.var], ['Cross-tab columns', d.cols.var], ['Cross-tab layers', d.layers?.var ?? '-'], ['Cross-tab definition (JSON)', JSON.stringify(d)]);
  } else if (t.kind === 'profile') {
    rows.push(['Profile', 'standard profile tables'], ['Profile options (JSON)', JSON.stringify(t.options)]);
  }
  rows.push(
    [L('method'), m.policy.method === 'rounding' ? metaValue('rounding', lang, { base: m.policy.roundingBase }) : m.policy.method === 'perturbation' ? methodText(m.policy) : metaValue('suppression', lang)],
  );
  for (const row of perturbationRows(m.policy)) rows.push(row);
  rows.push(
    [L('threshold'), m.policy.threshold],
    [L('zeros'), metaValue(m.policy.zerosUnsafe ? 'zerosProtected' : 'zerosPublished', lang)],
    [L('primary'), m.counts.primary],
    [L('class'), m.counts.class],
    [L('secondary'), m.counts.secondary],
    [L('rounded'), m.counts.rounded],
    [L('linked'), m.counts.linked ?? 0],
    [lang === 'en' ? 'Cells perturbed' : lang === 'fr' ? 'Cellules perturbées' : 'Cellen verstoord', m.counts.perturbed ?? 0],
    [L('application'), `Verhuisverkenner ${m.appVersion}`],
    [L('created'), m.createdAt.toISOString()],
  );
  return rows;
}
