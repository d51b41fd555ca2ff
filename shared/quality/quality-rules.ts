import type { LocalizedText } from '../api/localized';
import type { QualityCheck } from './quality-report';

/**
 * What each check counts (label) and the matrix rule that applies to it, in NL and EN, with
 * the section of docs/matrix-definitions.md that states the rule. The rule sentences describe
 * what the engine does today: change them together with that document.
 */
export interface QualityRule {
  label: LocalizedText;
  /** What a record or person with this anomaly does in the matrices. */
  rule: LocalizedText;
  /** Section of docs/matrix-definitions.md. */
  section: string;
}

const DOC = 'docs/matrix-definitions.md';

export const QUALITY_RULES: Record<QualityCheck, QualityRule> = {
  gap: {
    label: { nl: 'Gaten tussen twee verblijfsrecords', en: 'Gaps between two residence records' },
    rule: {
      nl: 'R3: op de dagen van een gat is de woonplaats Onbekend, in toestands- én verhuismatrices: een verhuizing naar Onbekend en daarna weer uit Onbekend.',
      en: 'R3: on the days of a gap the residence is Unknown, in state and move matrices alike: a move into Unknown and then out of it again.',
    },
    section: `${DOC} § One residence trail: deaths, gaps, overlaps`,
  },
  endsBeforeReference: {
    label: { nl: 'Laatste verblijfsrecord eindigt vóór de referentiedatum', en: 'Last residence record ends before the reference date' },
    rule: {
      nl: 'R4: na het einde is de woonplaats Onbekend; verhuismatrices tellen een verhuizing naar Onbekend op de dag na het einde.',
      en: 'R4: after the end the residence is Unknown; move matrices count a move into Unknown on the day after the end.',
    },
    section: `${DOC} § One residence trail: deaths, gaps, overlaps`,
  },
  overlap: {
    label: { nl: 'Overlappende verblijfsrecords', en: 'Overlapping residence records' },
    rule: {
      nl: 'R11: de record die later begint, geldt vanaf zijn begindatum; de einddatum van de vorige wordt genegeerd.',
      en: 'R11: the record that starts later applies from its start date; the end date of the earlier one is ignored.',
    },
    section: `${DOC} § One residence trail: deaths, gaps, overlaps`,
  },
  recordAfterDeath: {
    label: { nl: 'Verblijfsrecords na het overlijden', en: 'Residence records after death' },
    rule: {
      nl: 'R2: records die op of na de overlijdensdag beginnen, worden genegeerd, in alle matrices.',
      en: 'R2: records starting on or after the day of death are ignored, in every matrix.',
    },
    section: `${DOC} § One residence trail: deaths, gaps, overlaps`,
  },
  deathWithoutRecord: {
    label: { nl: 'Overlijdens zonder DECEASED-record', en: 'Deaths without a DECEASED record' },
    rule: {
      nl: 'R1: de overlijdensdag is de vroegste van de overlijdensdatum en het eerste DECEASED-record; ook zonder record is dat een verhuizing naar Overleden.',
      en: 'R1: the day of death is the earlier of the death date and the first DECEASED record; without a record it is still a move into Deceased.',
    },
    section: `${DOC} § One residence trail: deaths, gaps, overlaps`,
  },
  moveOnDecisionDay: {
    label: { nl: 'Verhuizingen op de dag van de beslissing', en: 'Moves on the decision day' },
    rule: {
      nl: 'R7: een record die op de beslissingsdag begint, is de woonplaats bij de beslissing: de verhuizing zelf telt niet mee.',
      en: 'R7: a record that starts on the decision day is the residence at the decision: the move itself is not counted.',
    },
    section: `${DOC} § Windows (R7–R10)`,
  },
  nisMissing: {
    label: { nl: 'Gemeenterecords zonder NIS-code', en: 'Municipality records without a NIS code' },
    rule: { nl: 'Zo’n woonplaats telt als Onbekend.', en: 'Such a residence counts as Unknown.' },
    section: `${DOC} § Special rows and columns`,
  },
  nisInvalidOnDate: {
    label: { nl: 'NIS-codes niet geldig op hun datum', en: 'NIS codes not valid on their date' },
    rule: {
      nl: 'De code wordt toch via de REFNIS-kruistabellen naar de gekozen indeling omgezet; een code zonder gemeente in die indeling telt als Onbekend.',
      en: 'The code is still mapped to the chosen vintage through the REFNIS crosswalks; a code without a municipality in that vintage counts as Unknown.',
    },
    section: `${DOC} § Building blocks › Vintage; § Vintage notes`,
  },
  nisNoMunicipality2014: {
    label: { nl: 'Codes zonder gemeente in indeling 2014', en: 'Codes without a municipality in vintage 2014' },
    rule: {
      nl: 'In indeling 2014 telt zo’n woonplaats als Onbekend (bv. een fusiegemeente van 2019 of 2025, die niet te splitsen is).',
      en: 'In vintage 2014 such a residence counts as Unknown (e.g. a municipality merged in 2019 or 2025, which cannot be split).',
    },
    section: `${DOC} § Building blocks › Vintage; § Vintage notes`,
  },
  nisNoMunicipality2019: {
    label: { nl: 'Codes zonder gemeente in indeling 2019', en: 'Codes without a municipality in vintage 2019' },
    rule: {
      nl: 'In indeling 2019 telt zo’n woonplaats als Onbekend (bv. een fusiegemeente van 2025).',
      en: 'In vintage 2019 such a residence counts as Unknown (e.g. a municipality merged in 2025).',
    },
    section: `${DOC} § Building blocks › Vintage; § Vintage notes`,
  },
  nisNoMunicipality2025: {
    label: { nl: 'Codes zonder gemeente in indeling 2025', en: 'Codes without a municipality in vintage 2025' },
    rule: { nl: 'In indeling 2025 telt zo’n woonplaats als Onbekend (een onbekende code).', en: 'In vintage 2025 such a residence counts as Unknown (an unknown code).' },
    section: `${DOC} § Building blocks › Vintage; § Vintage notes`,
  },
  noDecision: {
    label: { nl: 'Personen zonder beslissing', en: 'Persons without a decision' },
    rule: {
      nl: 'Geen beslissingsdatum: in een toestandsmatrix in de rij Onbekend, in een eerste verhuizing op Onbekend × Onbekend, in alle verhuizingen (zonder periode) en met een opvolgtermijn weggelaten.',
      en: 'No decision date: in a state matrix in the Unknown row, in a first move on Unknown × Unknown, left out of all moves (without a period) and with a follow-up window.',
    },
    section: `${DOC} § Building blocks › Decision date; § The three kinds`,
  },
  noResidenceAtDecision: {
    label: { nl: 'Personen zonder woonplaats bij de beslissing', en: 'Persons without a residence at the decision' },
    rule: {
      nl: 'Geen record dat de beslissingsdag dekt, of een record van soort UNKNOWN of zonder NIS-code: de woonplaats bij de beslissing is Onbekend.',
      en: 'No record covering the decision day, or a record of kind UNKNOWN or without a NIS code: the residence at the decision is Unknown.',
    },
    section: `${DOC} § Building blocks › Residence on a day`,
  },
};
