import type { MessageKey } from '../../i18n/i18n';

/**
 * Rows per second from the same duration the wizard shows beside it, so "293 rows in
 * 763 ms" reads 384 rows/s, not a rate timed by the engine over a shorter span.
 */
export const rowsPerSecond = (rows: number, ms: number): number => (ms > 0 ? Math.round((rows * 1000) / ms) : rows);

/**
 * What the wizard says happened to the target after a failed import. When the target
 * already existed, "niet aangemaakt" would be wrong: it exists and was left as it was.
 */
export const afterFailureNotice = (code: string): MessageKey => (code === 'IMPORT_TARGET_EXISTS' ? 'import.targetUntouched' : 'import.nothingLeft');
