import path from 'node:path';
import { isExtractId, isNationalityCode } from '../../../shared/extract/codes';
import { AppError } from '../core/app-error';

/**
 * Strings of an extract that reach outputs (metadata, fiche categories) are checked on open,
 * as the import checks them: an extract id of plain characters, and nationality codes from
 * their list. A failure is NOT_AN_EXTRACT naming the field, never the value.
 */
const META_TEXT = /^[A-Za-z0-9][A-Za-z0-9 ._:+/-]{0,127}$/;

export function metaStringProblem(key: string, value: string): boolean {
  if (key === 'extract_id') return !isExtractId(value);
  if (key === 'source' || key === 'schema_version') return !META_TEXT.test(value);
  return false;
}

export function checkExtractStrings(filePath: string, meta: { extractId: string; source: string; schemaVersion: string }, nationalities: readonly string[]): void {
  const bad: string[] = [];
  if (metaStringProblem('extract_id', meta.extractId)) bad.push('extract_meta.extract_id');
  if (metaStringProblem('source', meta.source)) bad.push('extract_meta.source');
  if (metaStringProblem('schema_version', meta.schemaVersion)) bad.push('extract_meta.schema_version');
  if (nationalities.some((n) => !isNationalityCode(n))) bad.push('person.nationality');
  if (bad.length) {
    throw new AppError('NOT_AN_EXTRACT', { missing: `${bad.join(', ')} (not a valid value)`, file: path.basename(filePath) }, { invalidValues: bad });
  }
}
