import type { ErrorCode } from '../api/errors';

/** The date fields of a matrix definition that the analyst may set. */
export interface MatrixDates {
  originDate?: string | null;
  destinationDate?: string | null;
  period?: { from: string; to: string } | null;
}

export type MatrixDateField = 'originDate' | 'destinationDate' | 'periodFrom' | 'periodTo';

export interface MatrixDateProblem {
  code: Extract<ErrorCode, 'MATRIX_DATES_REVERSED' | 'MATRIX_DATE_AFTER_REFERENCE'>;
  /** The fields to mark in the form. */
  fields: MatrixDateField[];
  /** ISO dates for the message (not microdata: the analyst's own choice and the extract's reference date). */
  params: Record<string, string>;
}

/** "2018-01-27" → "27/01/2018", the way the app shows dates in both languages. */
const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * What is wrong with a matrix's dates, or null: a destination before the origin (a backwards
 * matrix), a period that ends before it starts, or any date after the extract's reference
 * date (nothing is known after it). Used by the engine (which refuses) and the form (which
 * marks the fields before asking). ISO dates compare as strings.
 */
export function matrixDateProblem(def: MatrixDates, referenceDate: string): MatrixDateProblem | null {
  const after: [MatrixDateField, string | null | undefined][] = [
    ['originDate', def.originDate],
    ['destinationDate', def.destinationDate],
    ['periodFrom', def.period?.from],
    ['periodTo', def.period?.to],
  ];
  for (const [field, date] of after) {
    if (date && date > referenceDate) {
      return { code: 'MATRIX_DATE_AFTER_REFERENCE', fields: [field], params: { date: dmy(date), reference: dmy(referenceDate) } };
    }
  }
  if (def.originDate && def.destinationDate && def.destinationDate < def.originDate) {
    return {
      code: 'MATRIX_DATES_REVERSED',
      fields: ['originDate', 'destinationDate'],
      params: { from: dmy(def.originDate), to: dmy(def.destinationDate) },
    };
  }
  if (def.period && def.period.to < def.period.from) {
    return { code: 'MATRIX_DATES_REVERSED', fields: ['periodFrom', 'periodTo'], params: { from: dmy(def.period.from), to: dmy(def.period.to) } };
  }
  return null;
}
