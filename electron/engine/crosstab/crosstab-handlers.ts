import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { evaluateCohort } from '../cohort/evaluate-cohort';
import { sessionIndex } from '../cohort/session-index';
import { releasableTables, releaseTable, requireSession, sessionPolicy } from '../export/release';
import { computeCrosstab } from './compute-crosstab';
import { computeProfile } from './compute-profile';
import { savedCrosstab, saveCrosstab } from './saved-crosstab';
import { cohortIdOf } from '../cohort/cohort-store';
import { AppError } from '../core/app-error';

type CrosstabMethod = 'crosstab.saved' | 'crosstab.saveWithCohort' | 'crosstab.compute' | 'crosstab.profile' | 'crosstab.preview' | 'export.crosstab' | 'export.crosstabClipboard' | 'export.profileChart';

const plain = (a: ArrayLike<number>) => Array.from(a);

export function crosstabHandlers(state: EngineState): HandlerTable<CrosstabMethod> {
  return {
    // Looked up by the cohort's id: the cross-tab of this cohort, whatever it was called when kept.
    'crosstab.saved': ({ cohortName }) => {
      const ws = requireSession(state).workspace;
      const id = cohortIdOf(ws, cohortName);
      return { definition: id === null ? null : savedCrosstab(ws, id) };
    },
    'crosstab.saveWithCohort': ({ cohortName, definition }) => {
      const ws = requireSession(state).workspace;
      const id = cohortIdOf(ws, cohortName);
      if (id === null) throw new AppError('COHORT_NOT_FOUND');
      saveCrosstab(ws, id, definition);
      return { saved: true };
    },
    'crosstab.compute': ({ cohort, definition }, { emit }) => {
      const started = performance.now();
      const ix = sessionIndex(requireSession(state), emit);
      const x = computeCrosstab(ix, evaluateCohort(ix, cohort), definition);
      return {
        rowCategories: x.rowCategories,
        colCategories: x.colCategories,
        layers: x.layers.map((l) => ({
          category: l.category,
          table: { rows: l.table.rows, cols: l.table.cols, counts: plain(l.table.counts), rowTotals: plain(l.table.rowTotals), colTotals: plain(l.table.colTotals), total: l.table.total },
        })),
        labels: x.labels,
        cohortSize: x.cohortSize,
        ms: performance.now() - started,
      };
    },
    'crosstab.profile': ({ cohort, options }, { emit }) => {
      const started = performance.now();
      const ix = sessionIndex(requireSession(state), emit);
      const members = evaluateCohort(ix, cohort);
      const tables = computeProfile(ix, members, options);
      return {
        cohortSize: tables[0]?.table.total ?? 0,
        tables: tables.map((t) => ({ key: t.key, label: t.label, categories: t.categories, counts: plain(t.table.counts) })),
        ms: performance.now() - started,
      };
    },
    // The release's protection exactly as the export computes it: on its own, then all layers
    // jointly against every earlier release in the ledger, attacker's programmes included. With
    // exact derivability only, the screen marked other cells than the file then withheld.
    'crosstab.preview': async ({ cohort, subject }) => {
      const { built } = await releasableTables(requireSession(state), cohort, subject, sessionPolicy(state).policy, 'nl');
      return { tables: built.tables.map((t) => t.table) };
    },
    'export.crosstab': async ({ cohort, subject, format, path, overwrite, language, channel }) => {
      const r = await releaseTable(state, { channel, output: format, path, overwrite, language, cohort, subject });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.profileChart': async ({ cohort, options, format, path, overwrite, language }) => {
      const r = await releaseTable(state, { channel: 'ui', output: format, path, overwrite, language, cohort, subject: { kind: 'profile', options }, chart: 'profile-bars' });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.crosstabClipboard': async ({ cohort, subject, language }) => {
      const r = await releaseTable(state, { channel: 'ui', output: 'clipboard', path: null, language, cohort, subject });
      return { fileName: null, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts, text: r.text ?? '' };
    },
  };
}
