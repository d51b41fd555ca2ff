import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditEntry } from '../../../shared/disclosure/audit-entry';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { getCohort } from '../cohort/cohort-store';
import { makeRecipe } from '../cohort/recipe';
import { checkWritePath, writeGuardOf, writePrivateFile } from '../export/write-path';
import { sessionPolicy, settledSession } from '../export/release';
import { appendAudit, sha256Hex } from './audit-log';
import { canonicalJson } from './canonical-json';
import { auditReportBytes } from './audit-report';
import { verifyExportFile } from './verify-export';

/** Released files the checker verifies are spreadsheets: anything larger is not one of ours. */
const MAX_RELEASE_BYTES = 512 * 1024 * 1024;

const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

export function trustHandlers(state: EngineState): HandlerTable<'audit.verifyExport' | 'audit.report' | 'cohort.writeRecipeFile'> {
  return {
    'audit.verifyExport': async ({ path: file }) => {
      const session = await settledSession(state);
      if (!path.isAbsolute(file)) throw new AppError('PATH_REFUSED', { reason: 'relative path' });
      let bytes: Buffer;
      try {
        const st = statSync(file);
        if (!st.isFile() || st.size > MAX_RELEASE_BYTES) throw new AppError('FILE_UNREADABLE', { file: path.basename(file) });
        bytes = readFileSync(file);
      } catch (err) {
        if (err instanceof AppError) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        throw new AppError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', { file: path.basename(file) });
      }
      return verifyExportFile(session.workspace, session.summary, file, bytes);
    },
    'audit.report': async ({ path: file, overwrite }) => {
      const session = await settledSession(state);
      const target = checkWritePath(file, writeGuardOf(state), { overwrite });
      const report = await auditReportBytes(session.workspace, session.summary, state.config.appVersion);
      writePrivateFile(target, report.bytes);
      return { fileName: path.basename(target), entries: report.entries, log: report.log };
    },
    /**
     * A recipe file: only a saved cohort (validated codes and dates, see CohortDefinition), written
     * under the write-path rules and recorded in the audit log as a non-data release.
     */
    'cohort.writeRecipeFile': async ({ name, path: file, overwrite }) => {
      const session = await settledSession(state);
      const withExt = /\.json$/i.test(file) ? file : `${file}.json`;
      const target = checkWritePath(withExt, writeGuardOf(state), { overwrite });
      const saved = getCohort(session.workspace, name);
      const recipe = makeRecipe(saved.name, saved.definition, session.summary);
      const json = `${JSON.stringify(recipe, null, 2)}\n`;
      const entry: AuditEntry = {
        time: new Date().toISOString(),
        user: osUser(),
        channel: 'ui',
        output: 'recipe',
        extractId: session.summary.extractId,
        extractFingerprint: session.summary.fingerprint,
        recipeHash: sha256Hex(canonicalJson(recipe.definition)),
        cohort: recipe.definition,
        table: { kind: 'recipe', name: recipe.name },
        fileName: path.basename(target),
        sha256: sha256Hex(json),
        policy: sessionPolicy(state).policy,
        counts: { tables: 0, cells: 0, protected: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 } },
        snapshotSha256: sha256Hex('[]'),
      };
      // Recorded first: no recipe file leaves without its entry.
      const record = appendAudit(session.workspace, entry);
      writePrivateFile(target, json);
      return { fileName: path.basename(target), auditSeq: record.seq };
    },
  };
}
