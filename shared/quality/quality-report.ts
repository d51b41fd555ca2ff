import { z } from 'zod';

/**
 * The data-quality report of an open extract: counts only (persons and, for record-level
 * anomalies, records), each with the matrix rule that decides what the anomaly does to a
 * matrix. Computed in the engine (electron/engine/quality), shown on the overview, printed by
 * the CLI's `quality` command and exported through the audited release path.
 */
export const QUALITY_CHECKS = [
  'gap',
  'endsBeforeReference',
  'overlap',
  'recordAfterDeath',
  'deathWithoutRecord',
  'moveOnDecisionDay',
  'nisMissing',
  'nisInvalidOnDate',
  'nisNoMunicipality2014',
  'nisNoMunicipality2019',
  'nisNoMunicipality2025',
  'noDecision',
  'noResidenceAtDecision',
] as const;
export const QualityCheck = z.enum(QUALITY_CHECKS);
export type QualityCheck = z.infer<typeof QualityCheck>;

const Count = z.number().int().nonnegative();

export const QualityItem = z.object({
  check: QualityCheck,
  /** Distinct persons with the anomaly. */
  persons: Count,
  /** Residence records (or gaps, overlaps) with the anomaly; null for person-level checks. */
  records: Count.nullable(),
});
export type QualityItem = z.infer<typeof QualityItem>;

export const QualityReport = z.object({
  referenceDate: z.string(),
  /** Persons in the extract. */
  persons: Count,
  /** Residence records in the extract. */
  residenceRecords: Count,
  items: z.array(QualityItem),
  /** The policy threshold: a count from 1 to T − 1 is shown and printed as "< T". */
  threshold: z.number().int().min(2),
  computeMs: z.number().nonnegative(),
});
export type QualityReport = z.infer<typeof QualityReport>;

/** A count as it may be shown or leave the app: exact from T on (and 0), "< T" below. */
export function publishedCount(n: number, threshold: number): number | string {
  return n > 0 && n < threshold ? `< ${threshold}` : n;
}
