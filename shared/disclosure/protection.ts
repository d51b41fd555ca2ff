import { z } from 'zod';
import { DisclosureMethod } from './policy';

/**
 * Why a cell is not published as counted:
 * - primary: fewer than T persons (or a zero, when zeros are unsafe);
 * - class: the whole row or column sits in this one cell (attribute disclosure);
 * - secondary: suppressed so that the primary/class cells cannot be recomputed;
 * - rounded: published after random rounding;
 * - linked: suppressed because, together with earlier releases of the extract (the release
 *   ledger), publishing it would reveal a protected cell or a small group of persons;
 * - perturbed: published after cell-key perturbation (bounded noise; not additive).
 */
export const PROTECTION_REASONS = ['primary', 'class', 'secondary', 'rounded', 'linked', 'perturbed'] as const;
export type ProtectionReason = (typeof PROTECTION_REASONS)[number];

/** One character per cell in status strings: '.' published as counted, else the reason's letter. */
export const STATUS_CHAR: Record<ProtectionReason | 'published', string> = {
  published: '.',
  primary: 'p',
  class: 'k',
  secondary: 's',
  rounded: 'r',
  linked: 'l',
  perturbed: 'n',
};

export const reasonOfChar = (ch: string): ProtectionReason | null =>
  ch === 'p' ? 'primary' : ch === 'k' ? 'class' : ch === 's' ? 'secondary' : ch === 'r' ? 'rounded' : ch === 'l' ? 'linked' : ch === 'n' ? 'perturbed' : null;

/**
 * Cell-key perturbation's published bounds (the ptable itself is in
 * electron/engine/disclosure/cell-key.ts): no published value is more than D away from the
 * count, and the noise on counts of 4 or more has this variance.
 */
export const PERTURBATION_MAX_NOISE = 2;
export const PERTURBATION_VARIANCE = 1;

/** Marker written in place of a suppressed value, in exports and on screen. */
export const SUPPRESSED_MARKER = '[c]';

export const ReasonCounts = z.object({
  primary: z.number().int().nonnegative(),
  class: z.number().int().nonnegative(),
  secondary: z.number().int().nonnegative(),
  rounded: z.number().int().nonnegative(),
  /** Entries written before the release ledger have no such count. */
  linked: z.number().int().nonnegative().default(0),
  /** Absent in audit entries written before cell-key perturbation existed. */
  perturbed: z.number().int().nonnegative().default(0),
});
export type ReasonCounts = z.infer<typeof ReasonCounts>;

const Published = z.array(z.number().int().nonnegative().nullable());

/**
 * A table after disclosure control, as the UI shows it and every output writes it.
 * `cells` is row-major (rows × cols); null = suppressed. Status strings carry one
 * STATUS_CHAR per cell (cellStatus row-major, rowStatus per row total, colStatus per column total).
 */
export const ProtectedCounts = z.object({
  method: DisclosureMethod,
  threshold: z.number().int(),
  roundingBase: z.number().int().nullable(),
  /** Cell-key perturbation: the ptable's largest noise D and its variance (large counts). */
  perturbation: z.object({ maxNoise: z.number().int().positive(), variance: z.number().nonnegative() }).optional(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  cells: Published,
  rowTotals: Published,
  colTotals: Published,
  total: z.number().int().nonnegative().nullable(),
  cellStatus: z.string(),
  rowStatus: z.string(),
  colStatus: z.string(),
  totalStatus: z.string().length(1),
  counts: ReasonCounts,
  /**
   * Cells suppressed because of earlier releases: [grid index, audit number of the earlier
   * release it conflicts with]. Grid index as in the (rows+1) × (cols+1) grid: r * (cols+1) + c,
   * the last column the row totals, the last row the column totals.
   */
  linkedTo: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])).default([]),
});
export type ProtectedCounts = z.infer<typeof ProtectedCounts>;

/**
 * Percentages are shown only where numerator and denominator are both published as
 * counted (not suppressed, not rounded, not perturbed: a ratio of two noisy, non-additive
 * values could exceed 100 % and would not be reproducible from the table): e.g. a row percentage needs the cell and its row total.
 */
export function percentAllowed(t: ProtectedCounts, row: number, col: number, of: 'row' | 'col'): boolean {
  const k = row * t.cols + col;
  if (t.cellStatus[k] !== '.' || t.cells[k] === null) return false;
  return of === 'row' ? t.rowStatus[row] === '.' && (t.rowTotals[row] ?? 0) > 0 : t.colStatus[col] === '.' && (t.colTotals[col] ?? 0) > 0;
}
