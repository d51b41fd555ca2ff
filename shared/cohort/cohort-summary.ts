import type { UiLanguage } from '../api/localized';
import { formatDate } from '../format/number-format';
import { nationalityName } from '../format/nationality-name';
import type { CohortDefinition } from './cohort-definition';

/**
 * A cohort in one readable line, e.g. "erkende vluchtelingen · beslissing 2015–2016 ·
 * Afghanistan · vrouwen". Shown on the cohort, matrix and fiche views and written to the
 * export's Metadata sheet and the audit log, so a table always says whom it counts.
 * Only the definition goes in: no counts, no data values.
 */
type Words = Record<string, string>;
const NL: Words = {
  all: 'alle personen',
  REFUGEE: 'erkende vluchtelingen',
  SUBSIDIARY: 'subsidiair beschermden',
  OTHER: 'zonder beschermingsstatus',
  and: 'en',
  decision: 'beslissing',
  application: 'aanvraag',
  from: 'vanaf',
  until: 'tot en met',
  M: 'mannen',
  F: 'vrouwen',
  X: 'geslacht X',
  age: 'leeftijd',
  years: 'jaar',
  geoDecision: 'woonplaats bij beslissing',
  geoReference: 'woonplaats op referentiedatum',
  areas: 'gebieden',
  area: 'gebied',
  kbi: 'KBI-doelgroep',
  trajectoryYes: 'inburgeringstraject gestart',
  trajectoryNo: 'geen inburgeringstraject',
  attestYes: 'attest behaald',
  attestNo: 'geen attest',
  nt2: 'NT2',
  more: 'en {n} andere',
};
const EN: Words = {
  all: 'all persons',
  REFUGEE: 'recognised refugees',
  SUBSIDIARY: 'subsidiary protection',
  OTHER: 'without protection status',
  and: 'and',
  decision: 'decision',
  application: 'application',
  from: 'from',
  until: 'up to',
  M: 'men',
  F: 'women',
  X: 'sex X',
  age: 'age',
  years: 'years',
  geoDecision: 'residence at decision',
  geoReference: 'residence on reference date',
  areas: 'areas',
  area: 'area',
  kbi: 'KBI target group',
  trajectoryYes: 'integration trajectory started',
  trajectoryNo: 'no integration trajectory',
  attestYes: 'attestation obtained',
  attestNo: 'no attestation',
  nt2: 'NT2',
  more: 'and {n} more',
};

/** Years as ranges where they run on: [2014, 2015, 2016, 2019] → "2014–2016, 2019". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const MAX_NAMES = 3;

export function cohortSummary(def: CohortDefinition, lang: UiLanguage): string {
  const w = lang === 'en' ? EN : NL;
  const parts: string[] = [];
  if (def.status.length > 0) {
    const names = def.status.map((s) => w[s]);
    parts.push(names.length > 1 ? `${names.slice(0, -1).join(', ')} ${w.and} ${names.at(-1)}` : names[0]);
  }
  if (def.decisionYears.length > 0) parts.push(`${w.decision} ${yearRanges(def.decisionYears)}`);
  if (def.decisionDate) parts.push(`${w.decision} ${dateRange(def.decisionDate, lang, w)}`);
  if (def.applicationYears.length > 0) parts.push(`${w.application} ${yearRanges(def.applicationYears)}`);
  if (def.nationalities.length > 0) {
    const names = def.nationalities.slice(0, MAX_NAMES).map((c) => nationalityName(c, lang) ?? c);
    const rest = def.nationalities.length - names.length;
    parts.push(rest > 0 ? `${names.join(', ')} ${w.more.replace('{n}', String(rest))}` : names.join(', '));
  }
  if (def.sexes.length > 0) parts.push(def.sexes.map((s) => w[s]).join(', '));
  if (def.ageBands.length > 0) parts.push(`${w.age} ${def.ageBands.join(', ')}`);
  if (def.ageRange) parts.push(`${w.age} ${def.ageRange.min}–${def.ageRange.max} ${w.years}`);
  for (const [key, geo] of [['geoDecision', def.geoAtDecision], ['geoReference', def.geoAtReference]] as const) {
    if (geo && geo.codes.length > 0) parts.push(`${w[key]}: ${geo.codes.length} ${geo.codes.length === 1 ? w.area : w.areas} (${geo.codes.slice(0, MAX_NAMES).join(', ')}${geo.codes.length > MAX_NAMES ? ', …' : ''})`);
  }
  if (def.kbiTargetStatus.length > 0) parts.push(`${w.kbi} ${def.kbiTargetStatus.join(', ')}`);
  if (def.trajectoryStarted !== null) parts.push(def.trajectoryStarted ? w.trajectoryYes : w.trajectoryNo);
  if (def.attestationObtained !== null) parts.push(def.attestationObtained ? w.attestYes : w.attestNo);
  if (def.nt2Reached.length > 0) parts.push(`${w.nt2} ${def.nt2Reached.join(', ')}`);
  return parts.length === 0 ? w.all : parts.join(' · ');
}

function dateRange(r: { from: string | null; to: string | null }, lang: UiLanguage, w: Words): string {
  if (r.from && r.to) return `${formatDate(r.from, lang)}–${formatDate(r.to, lang)}`;
  if (r.from) return `${w.from} ${formatDate(r.from, lang)}`;
  return `${w.until} ${formatDate(r.to, lang)}`;
}
