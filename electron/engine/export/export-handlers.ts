import { UserPolicy } from '../../../shared/disclosure/policy';
import { CHART_LEVELS, MAX_HEATMAP_SIDE } from '../../../shared/disclosure/chart-kind';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { HandlerTable } from '../core/handler-types';
import { listAudit, verifyAudit } from '../audit/audit-log';
import { setWorkspaceSetting } from '../workspace/workspace-settings';
import { releasableTables, releaseTable, requireSession, sessionPolicy, USER_POLICY_KEY } from './release';

type ExportMethod =
  | 'disclosure.policy'
  | 'disclosure.setUserPolicy'
  | 'disclosure.preview'
  | 'export.matrix'
  | 'export.fiche'
  | 'export.clipboard'
  | 'export.chart'
  | 'audit.list'
  | 'audit.verify';

export function exportHandlers(state: EngineState): HandlerTable<ExportMethod> {
  return {
    'disclosure.policy': () => sessionPolicy(state),
    'disclosure.setUserPolicy': ({ user }) => {
      setWorkspaceSetting(requireSession(state).workspace, USER_POLICY_KEY, UserPolicy.parse(user));
      return sessionPolicy(state);
    },
    'disclosure.preview': async ({ cohort, definition }) => {
      // On screen: exact derivability against the ledger only; the export adds the attacker's
      // linear programmes, which may suppress a few more cells (the legend says so).
      const { built } = await releasableTables(requireSession(state), cohort, { kind: 'matrix', definition }, sessionPolicy(state).policy, 'nl', { intervals: false });
      return built.tables[0].table;
    },
    'export.matrix': async ({ cohort, cohortName, definition, format, path, overwrite, language, channel, measure }) => {
      const r = await releaseTable(state, { channel, output: format, path, overwrite, language, cohort, cohortName, subject: { kind: 'matrix', definition }, measure });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.fiche': async ({ cohort, cohortName, level, vintage, areaCode, format, path, overwrite, language }) => {
      const r = await releaseTable(state, { channel: 'ui', output: format, path, overwrite, language, cohort, cohortName, subject: { kind: 'fiche', level, vintage, areaCode } });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.clipboard': async ({ cohort, cohortName, definition, language, measure }) => {
      const r = await releaseTable(state, { channel: 'ui', output: 'clipboard', path: null, language, cohort, cohortName, subject: { kind: 'matrix', definition }, measure });
      return { fileName: null, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts, text: r.text ?? '' };
    },
    'export.chart': async ({ cohort, cohortName, definition, chart, view, format, path, overwrite, language }) => {
      // A municipality heatmap is always too large for an image: refused before the costly protection.
      if (chart === 'heatmap' && definition.level === 'municipality') throw new AppError('CHART_TOO_LARGE', { max: MAX_HEATMAP_SIDE });
      // The Sankey and the map have their levels: a wrong one is refused before the protection, too.
      const levels = CHART_LEVELS[chart];
      if (levels && !levels.includes(definition.level)) throw new AppError('INVALID_REQUEST', { issue: `definition.level: the ${chart} is drawn at ${levels.join(' or ')} level` });
      const r = await releaseTable(state, { channel: 'ui', output: format, path, overwrite, language, cohort, cohortName, subject: { kind: 'matrix', definition }, chart, chartView: view });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'audit.list': ({ limit }) => ({ records: listAudit(requireSession(state).workspace, limit) }),
    'audit.verify': () => verifyAudit(requireSession(state).workspace),
  };
}
