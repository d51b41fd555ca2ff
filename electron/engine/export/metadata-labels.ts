import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { DEFAULT_COHORT } from '../../../shared/cohort/cohort-definition';
import type { AreaLevel } from '../../../shared/geo/area-level';
import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import { compositionCategory } from './composition-labels';

/**
 * The words of an export's Metadata sheet and of its sheet names, per output language:
 * a workbook made in the Dutch UI reads Dutch throughout (issue 12, "one language").
 */
type Lang = 'nl' | 'fr' | 'en';
type Labels = Record<Lang, string>;

const ROW = {
  extractId: { nl: 'Extract-id', fr: "Identifiant de l'extrait", en: 'Extract id' },
  extractSha: { nl: 'SHA-256 van het extract', fr: "SHA-256 de l'extrait", en: 'Extract SHA-256' },
  referenceDate: { nl: 'Referentiedatum', fr: 'Date de référence', en: 'Reference date' },
  cohort: { nl: 'Cohort', fr: 'Cohorte', en: 'Cohort' },
  cohortJson: { nl: 'Cohort (JSON)', fr: 'Cohorte (JSON)', en: 'Cohort (JSON)' },
  definition: { nl: 'Matrixdefinitie', fr: 'Définition de la matrice', en: 'Matrix definition' },
  definitionJson: { nl: 'Matrixdefinitie (JSON)', fr: 'Définition de la matrice (JSON)', en: 'Matrix definition (JSON)' },
  level: { nl: 'Niveau', fr: 'Niveau', en: 'Level' },
  vintage: { nl: 'Gemeenteindeling', fr: 'Découpage communal', en: 'Vintage' },
  fiche: { nl: 'Fiche', fr: 'Fiche', en: 'Fiche' },
  method: { nl: 'Methode van geheimhouding', fr: 'Méthode de confidentialité', en: 'Disclosure method' },
  threshold: { nl: 'Drempel (personen)', fr: 'Seuil (personnes)', en: 'Threshold (persons)' },
  zeros: { nl: 'Nulcellen', fr: 'Cellules nulles', en: 'Zeros' },
  primary: { nl: 'Beschermde cellen: primair', fr: 'Cellules protégées : primaires', en: 'Cells protected: primary' },
  class: { nl: 'Beschermde cellen: klasse', fr: 'Cellules protégées : classe', en: 'Cells protected: class' },
  secondary: { nl: 'Beschermde cellen: secundair', fr: 'Cellules protégées : secondaires', en: 'Cells protected: secondary' },
  rounded: { nl: 'Afgeronde cellen', fr: 'Cellules arrondies', en: 'Cells rounded' },
  linked: { nl: 'Beschermde cellen: gekoppeld aan eerdere uitvoer', fr: 'Cellules protégées : liées à des sorties antérieures', en: 'Cells protected: linked to earlier releases' },
  application: { nl: 'Toepassing', fr: 'Application', en: 'Application' },
  created: { nl: 'Aangemaakt', fr: 'Créé', en: 'Created' },
} satisfies Record<string, Labels>;

const VALUE = {
  rounding: { nl: 'willekeurige afronding, basis {base}', fr: 'arrondi aléatoire, base {base}', en: 'random rounding, base {base}' },
  suppression: {
    nl: 'celonderdrukking (primair, klasse, secundair met intervalcontrole)',
    fr: 'suppression de cellules (primaire, classe, secondaire avec contrôle des intervalles)',
    en: 'cell suppression (primary, class, secondary with interval audit)',
  },
  zerosProtected: { nl: 'beschermd', fr: 'protégées', en: 'protected' },
  zerosPublished: { nl: 'gepubliceerd', fr: 'publiées', en: 'published' },
  noRestriction: { nl: '(geen beperking)', fr: '(aucune restriction)', en: '(no restriction)' },
  yes: { nl: 'ja', fr: 'oui', en: 'yes' },
  no: { nl: 'nee', fr: 'non', en: 'no' },
} satisfies Record<string, Labels>;

const KIND: Record<MatrixDefinition['kind'], Labels> = {
  state: { nl: 'toestand', fr: 'état', en: 'state' },
  'first-move': { nl: 'eerste verhuizing (gemeente)', fr: 'premier déménagement (commune)', en: 'first move (municipality)' },
  'first-area-move': { nl: 'eerste verhuizing uit het gebied van beslissing', fr: 'premier déménagement hors de la zone de décision', en: 'first move out of the area of decision' },
  'all-moves': { nl: 'alle verhuizingen', fr: 'tous les déménagements', en: 'all moves' },
};

const LEVEL: Record<AreaLevel, Labels> = {
  municipality: { nl: 'gemeente', fr: 'commune', en: 'municipality' },
  arrondissement: { nl: 'arrondissement', fr: 'arrondissement', en: 'arrondissement' },
  province: { nl: 'provincie', fr: 'province', en: 'province' },
  region: { nl: 'gewest', fr: 'région', en: 'region' },
};

/** Cohort fields in words, in the order of the cohort builder. */
const FIELD: Record<string, Labels> = {
  status: { nl: 'Beschermingsstatus', fr: 'Statut de protection', en: 'Protection status' },
  decisionDate: { nl: 'Datum van de beslissing', fr: 'Date de la décision', en: 'Decision date' },
  decisionYears: { nl: 'Jaar van de beslissing', fr: 'Année de la décision', en: 'Decision year' },
  applicationYears: { nl: 'Jaar van de asielaanvraag', fr: "Année de la demande d'asile", en: 'Asylum application year' },
  nationalities: { nl: 'Nationaliteit', fr: 'Nationalité', en: 'Nationality' },
  sexes: { nl: 'Geslacht', fr: 'Sexe', en: 'Sex' },
  ageBands: { nl: 'Leeftijd bij de beslissing', fr: 'Âge à la décision', en: 'Age at decision' },
  ageRange: { nl: 'Leeftijdsgrenzen', fr: "Limites d'âge", en: 'Age range' },
  geoAtDecision: { nl: 'Woonplaats bij de beslissing', fr: 'Résidence à la décision', en: 'Residence at decision' },
  geoAtReference: { nl: 'Woonplaats op de referentiedatum', fr: 'Résidence à la date de référence', en: 'Residence at reference date' },
  kbiTargetStatus: { nl: 'Doelgroepstatus inburgering', fr: 'Public cible intégration', en: 'Civic-integration target status' },
  trajectoryStarted: { nl: 'Inburgeringstraject gestart', fr: "Parcours d'intégration commencé", en: 'Trajectory started' },
  attestationObtained: { nl: 'Attest van inburgering behaald', fr: "Attestation d'intégration obtenue", en: 'Attestation obtained' },
  nt2Reached: { nl: 'Hoogste NT2-niveau behaald', fr: 'Niveau NT2 le plus élevé atteint', en: 'Highest NT2 level reached' },
};

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (w, k: string) => (k in params ? String(params[k]) : w));

export const metaLabel = (key: keyof typeof ROW, lang: Lang): string => ROW[key][lang];
export const metaValue = (key: keyof typeof VALUE, lang: Lang, params: Record<string, string | number> = {}): string => fill(VALUE[key][lang], params);
export const definitionKindLabel = (kind: MatrixDefinition['kind'], lang: Lang): string => KIND[kind][lang];
export const levelLabel = (level: AreaLevel, lang: Lang): string => LEVEL[level]?.[lang] ?? level;

const dmy = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);

function fieldValue(key: string, v: unknown, lang: Lang): string {
  if (typeof v === 'boolean') return metaValue(v ? 'yes' : 'no', lang);
  if (Array.isArray(v)) {
    const category = key === 'sexes' ? 'sex' : key === 'nationalities' ? 'nationality' : key;
    return v.map((x) => compositionCategory(category, String(x), lang)).join(', ');
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('from' in o || 'to' in o) return `${o.from ? dmy(String(o.from)) : '…'} – ${o.to ? dmy(String(o.to)) : '…'}`;
    if ('min' in o && 'max' in o) return `${String(o.min)}–${String(o.max)}`;
    if ('level' in o && Array.isArray(o.codes)) return `${levelLabel(o.level as AreaLevel, lang)} ${String(o.vintage ?? '')}: ${o.codes.join(', ')}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/** The cohort in words, in the output language: every field that restricts it. */
export function describeCohort(c: CohortDefinition, lang: Lang = 'en'): string {
  const parts: string[] = [];
  const d = DEFAULT_COHORT as Record<string, unknown>;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'version' || v === null || (Array.isArray(v) && v.length === 0)) continue;
    if (JSON.stringify(v) === JSON.stringify(d[k]) && k !== 'status') continue;
    parts.push(`${FIELD[k]?.[lang] ?? k}: ${fieldValue(k, v, lang)}`);
  }
  return parts.length ? parts.join('; ') : metaValue('noRestriction', lang);
}
