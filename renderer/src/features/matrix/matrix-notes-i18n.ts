import { textDictionary } from '../../i18n/text-dictionary';
import type { UiLanguage } from '../../../../shared/api/localized';

/**
 * Texts of the matrix view's summary, notices and explanations (issue 12): which dates were
 * used, who a follow-up window left out, the empty matrix, the control bar, and short
 * in-app explanations taken from docs/matrix-definitions.md and docs/disclosure-control.md.
 */
const nl = {
  'dates.state': 'Herkomst: {origin} · bestemming: {destination}',
  'dates.firstMove': 'Eerste verhuizing na de beslissing, {window}',
  'dates.firstAreaMove': 'Eerste verhuizing uit het gebied van beslissing, {window}',
  'dates.allMoves': 'Alle verhuizingen {window}',
  'dates.atDecision': 'woonplaats op de dag van de beslissing',
  'dates.on': 'woonplaats op {date}',
  'dates.onReference': 'woonplaats op de referentiedatum {date}',
  'dates.afterMonths': 'woonplaats {m} maanden na de beslissing',
  'dates.untilReference': 'tot de referentiedatum {date}',
  'dates.withinMonths': 'binnen {m} maanden na de beslissing',
  'dates.period': 'van {from} tot en met {to}',
  'dates.fromDecision': 'na de beslissing tot de referentiedatum {date}',
  'counts': 'Cohort: {cohort} personen · in de matrix: {persons} personen · totaal {total} · berekend in {ms}',
  'countsMoves': 'Cohort: {cohort} personen · {persons} verhuizers · {total} verhuizingen · berekend in {ms}',
  'excluded.title': '{n} van de {cohort} personen zijn weggelaten door het opvolgvenster van {m} maanden.',
  'excluded.open': '{n} personen: hun venster eindigt na de referentiedatum {reference} (beslissing na {cutoff}).',
  'excluded.noDecision': '{n} personen: zonder beslissingsdatum, dus zonder venster.',
  'excluded.advice': 'Kies een korter venster of een oudere cohort om hen mee te tellen.',
  'empty.matrix': 'De matrix is leeg: niemand van de cohort valt binnen deze keuze. Er is niets te tekenen.',
  'controls.hide': 'Keuzes verbergen',
  'controls.show': 'Keuzes tonen',
  'controls.collapsed': '{kind} · {level} · indeling {vintage} · {measure}',
  'explain.toggle': 'Uitleg',
  'explain.title': 'Wat de matrix telt',
  'explain.state': 'Toestand: één telling per persoon, in de cel (woonplaats op de herkomstdag × woonplaats op de bestemmingsdag). Herkomst: de beslissingsdatum of de gekozen datum; bestemming: de referentiedatum, de gekozen datum, of de beslissing plus het opvolgvenster.',
  'explain.firstMove': 'Eerste verhuizing: één telling per persoon: herkomst en bestemming van de eerste verhuizing na de dag van de beslissing. Wie niet verhuisde, staat op de diagonaal, in de cel van de woonplaats bij de beslissing.',
  'explain.firstAreaMove': 'Eerste verhuizing uit het gebied: één telling per persoon: de eerste verhuizing na de beslissing die het gebied op het gekozen niveau verlaat (bv. de provincie). Verhuizingen binnen het gebied tellen niet; wie het gebied nooit verliet, staat op de diagonaal. Retentie = die blijvers / rijtotaal.',
  'explain.allMoves': 'Alle verhuizingen: elke verhuizing telt, dus één persoon kan in meerdere cellen staan. Het aantal verschillende verhuizers staat ernaast. De diagonaal telt verhuizingen binnen het gebied, geen blijvers; het aandeel op de diagonaal is een aandeel van verhuizingen, niet van personen.',
  'explain.trail': 'Overlijden, gaten en einde: overlijden (datum of overlijdensrecord, het eerste van beide) is een verhuizing naar Overleden, latere records tellen niet. Een gat tussen twee records en het einde van het laatste record zijn een verhuizing naar Onbekend (en terug). Zo zijn toestand en verhuizingen het eens over wie op een dag Onbekend is. Een verhuizing op de dag van de beslissing hoort bij de woonplaats bij de beslissing.',
  'explain.flows': 'In, uit en netto: in = kolomtotaal − blijvers, uit = rijtotaal − blijvers, netto = in − uit. Vertrek naar het buitenland, ambtshalve afvoering en overlijden tellen als uitstroom van het gebied.',
  'explain.followUp': 'Opvolgvenster: de beslissing plus N maanden. Wie zijn venster pas na de referentiedatum afsluit, of geen beslissingsdatum heeft, wordt weggelaten, zodat recente cohorten over dezelfde duur vergeleken worden.',
  'explain.legend': 'Geheimhouding: cellen met minder personen dan de drempel (*) en cellen die nodig zijn om die te beschermen (†, ‡) blijven bij export leeg als [c]; bij afronding (≈) worden aantallen willekeurig afgerond en blijft niets leeg. Op het scherm ziet u de echte aantallen.',
  'hideEmpty': 'Lege rijen en kolommen verbergen',
  'jumpTo': 'Ga naar gebied',
  'jumpPlaceholder': 'naam of NIS-code',
  'jumpNone': 'Geen gebied gevonden',
  'corridors.withoutExits': 'Zonder buitenland, afvoering, overlijden en onbekend',
  'legend.suppression': 'onderdrukking, T = {t}',
  'legend.rounding': 'afronding op {base}, T = {t}',
  'legend.suppressed': '{n} cellen leeg ([c]) bij export',
  'legend.roundedNote': 'afgeronde waarden, zoals bij export; niets blijft leeg',
} as const;

export type MatrixNoteKey = keyof typeof nl;

const en: Record<MatrixNoteKey, string> = {
  'dates.state': 'Origin: {origin} · destination: {destination}',
  'dates.firstMove': 'First move after the decision, {window}',
  'dates.firstAreaMove': 'First move out of the area of decision, {window}',
  'dates.allMoves': 'All moves {window}',
  'dates.atDecision': 'residence on the day of the decision',
  'dates.on': 'residence on {date}',
  'dates.onReference': 'residence on the reference date {date}',
  'dates.afterMonths': 'residence {m} months after the decision',
  'dates.untilReference': 'up to the reference date {date}',
  'dates.withinMonths': 'within {m} months after the decision',
  'dates.period': 'from {from} to {to} inclusive',
  'dates.fromDecision': 'after the decision up to the reference date {date}',
  'counts': 'Cohort: {cohort} persons · in the matrix: {persons} persons · total {total} · computed in {ms}',
  'countsMoves': 'Cohort: {cohort} persons · {persons} movers · {total} moves · computed in {ms}',
  'excluded.title': '{n} of the {cohort} persons are left out by the {m}-month follow-up window.',
  'excluded.open': '{n} persons: their window ends after the reference date {reference} (decision after {cutoff}).',
  'excluded.noDecision': '{n} persons: no decision date, so no window.',
  'excluded.advice': 'Choose a shorter window or an older cohort to count them.',
  'empty.matrix': 'The matrix is empty: nobody in the cohort falls within this choice. There is nothing to draw.',
  'controls.hide': 'Hide choices',
  'controls.show': 'Show choices',
  'controls.collapsed': '{kind} · {level} · vintage {vintage} · {measure}',
  'explain.toggle': 'Explanation',
  'explain.title': 'What the matrix counts',
  'explain.state': 'State: one count per person, in the cell (residence on the origin day × residence on the destination day). Origin: the decision date or the chosen date; destination: the reference date, the chosen date, or the decision plus the follow-up window.',
  'explain.firstMove': 'First move: one count per person: origin and destination of the first move after the day of the decision. Whoever did not move sits on the diagonal, in the cell of their residence at the decision.',
  'explain.firstAreaMove': 'First move out of the area: one count per person: the first move after the decision that leaves the area at the chosen level (e.g. the province). Moves within the area do not count; whoever never left the area sits on the diagonal. Retention = those stayers / row total.',
  'explain.allMoves': 'All moves: every move counts, so one person can be in several cells. The number of distinct movers is shown beside. The diagonal counts moves within the area, not stayers; its share is a share of moves, not of persons.',
  'explain.trail': 'Deaths, gaps and the end: a death (date or death record, whichever comes first) is a move into Deceased, later records do not count. A gap between two records and the end of the last record are a move into Unknown (and back out). So state and move matrices agree on who is Unknown on a day. A move on the decision day belongs to the residence at the decision.',
  'explain.flows': 'In, out and net: in = column total − stayers, out = row total − stayers, net = in − out. Leaving for abroad, ex-officio removal and death count as out-flow of the area.',
  'explain.followUp': 'Follow-up window: the decision plus N months. Whoever\'s window ends after the reference date, or who has no decision date, is left out, so that recent cohorts are compared over the same length of time.',
  'explain.legend': 'Disclosure control: cells with fewer persons than the threshold (*) and cells needed to protect them (†, ‡) are left empty as [c] on export; with rounding (≈) counts are randomly rounded and nothing is left empty. On screen you see the true counts.',
  'hideEmpty': 'Hide empty rows and columns',
  'jumpTo': 'Go to area',
  'jumpPlaceholder': 'name or NIS code',
  'jumpNone': 'No area found',
  'corridors.withoutExits': 'Without abroad, removal, death and unknown',
  'legend.suppression': 'suppression, T = {t}',
  'legend.rounding': 'rounding to {base}, T = {t}',
  'legend.suppressed': '{n} cells empty ([c]) on export',
  'legend.roundedNote': 'rounded values, as on export; nothing is left empty',
};

const DICTS: Record<UiLanguage, Record<MatrixNoteKey, string>> = { nl, en };

const dictionary = textDictionary(DICTS, 'nt');
export const matrixNote = dictionary.text;

export const useMatrixNotes = dictionary.useText;
