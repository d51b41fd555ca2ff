import { UserPolicy } from '../../../shared/disclosure/policy';
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
    'export.matrix': async ({ cohort, definition, format, path, language, channel }) => {
      const r = await releaseTable(state, { channel, output: format, path, language, cohort, subject: { kind: 'matrix', definition } });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.fiche': async ({ cohort, level, vintage, areaCode, format, path, language }) => {
      const r = await releaseTable(state, { channel: 'ui', output: format, path, language, cohort, subject: { kind: 'fiche', level, vintage, areaCode } });
      return { fileName: r.fileName, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts };
    },
    'export.clipboard': async ({ cohort, definition, language }) => {
      const r = await releaseTable(state, { channel: 'ui', output: 'clipboard', path: null, language, cohort, subject: { kind: 'matrix', definition } });
      return { fileName: null, sha256: r.sha256, auditSeq: r.auditSeq, counts: r.counts, text: r.text ?? '' };
    },
    'audit.list': ({ limit }) => ({ records: listAudit(requireSession(state).workspace, limit) }),
    'audit.verify': () => verifyAudit(requireSession(state).workspace),
  };
}
