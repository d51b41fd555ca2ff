import type { ImportIssue } from '../../../shared/api/methods/import';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { importCsvFolder } from './import-csv';
import { cleanImportLeftovers, clearPendingImport, notePendingImport } from './import-leftovers';
import { checkWritePath, writeGuardOf } from '../export/write-path';

/** A new extract gets a passphrase of at least this many characters. */
export const MIN_PASSPHRASE = 8;

/** The findings of the last failed import, per engine, for `import.report` paging. */
const reports = new WeakMap<EngineState, { issues: ImportIssue[]; total: number }>();

export function importHandlers(state: EngineState): HandlerTable<'import.fromCsv' | 'import.report'> {
  // At start: the encrypted temp files of imports interrupted by a crash or kill -9.
  cleanImportLeftovers(state.config.dataDir);
  return {
    'import.fromCsv': async (req, { emit }) => {
      reports.delete(state);
      if (req.passphrase.length < MIN_PASSPHRASE) throw new AppError('WEAK_PASSPHRASE', { min: MIN_PASSPHRASE });
      // The write-path rules of every output; an import never replaces a file.
      try {
        checkWritePath(req.targetPath, writeGuardOf(state));
      } catch (err) {
        if (err instanceof AppError && err.code === 'FILE_EXISTS') throw new AppError('IMPORT_TARGET_EXISTS', err.params);
        throw err;
      }
      const cipher = req.cipher.preset === 'auto' ? ({ preset: 'sqlcipher4' } as const) : req.cipher;
      const outcome = await importCsvFolder({
        sourceDir: req.sourceDir,
        targetPath: req.targetPath,
        passphrase: req.passphrase,
        cipher,
        onTemp: (temp, stage) => (stage === 'creating' ? notePendingImport : clearPendingImport)(state.config.dataDir, temp),
        onProgress: (p) =>
          emit({ type: 'progress', task: 'import', fraction: p.fraction, rows: p.rows, rowsPerSecond: p.rowsPerSecond, stage: p.stage }),
      });
      if (!outcome.ok) {
        reports.set(state, { issues: outcome.issues, total: outcome.total });
        throw new AppError('IMPORT_INVALID', { total: outcome.total }, { shown: outcome.issues.length, total: outcome.total });
      }
      return { targetPath: outcome.targetPath, rows: outcome.rows, rowsPerSecond: outcome.rowsPerSecond, tables: outcome.tables };
    },
    'import.report': (req) => {
      const report = reports.get(state) ?? { issues: [], total: 0 };
      return { issues: report.issues.slice(req.offset, req.offset + req.limit), shown: report.issues.length, total: report.total };
    },
  };
}
