import ExcelJS from 'exceljs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditVerdict } from '../../../shared/disclosure/audit-entry';
import type { ExtractSummary } from '../../../shared/api/methods/extract';
import { canonicalJson } from './canonical-json';
import { listAudit, sha256Hex, verifyAudit, workspaceIdOf } from './audit-log';

/**
 * The checker's report (`audit report`): every entry of the audit log with its protection
 * facts — never a published or suppressed value — and the verdict on the chain, as .xlsx.
 */
export async function auditReportBytes(ws: Database, summary: ExtractSummary, appVersion: string): Promise<{ bytes: Uint8Array; entries: number; log: AuditVerdict }> {
  const log = verifyAudit(ws);
  const records = listAudit(ws, 1_000_000).reverse();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Verhuisverkenner';
  const head = wb.addWorksheet('Audit');
  const facts: [string, string | number][] = [
    ['Extract id', summary.extractId],
    ['Extract SHA-256', summary.fingerprint],
    ['Workspace id', workspaceIdOf(ws)],
    ['Audit log', log.ok ? 'intact' : `BROKEN at entry ${log.brokenAt} (${log.problem})`],
    ['Entries', log.entries],
    ['Entries chained under the site key (HMAC)', log.keyed ?? 0],
    ['Report made', new Date().toISOString()],
    ['Application', `Verhuisverkenner ${appVersion}`],
  ];
  for (const [k, v] of facts) head.addRow([k, v]).getCell(1).font = { bold: true };
  head.getColumn(1).width = 44;
  head.getColumn(2).width = 80;

  const sheet = wb.addWorksheet('Releases', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([
    'seq', 'time', 'user', 'channel', 'output', 'status', 'file', 'content SHA-256', 'entry SHA-256', 'chain hash', 'chain', 'table', 'level', 'vintage',
    'cohort (JSON)', 'threshold', 'method', 'rounding base', 'zeros', 'cells', 'primary', 'class', 'secondary', 'rounded', 'other reasons',
  ]).font = { bold: true };
  for (const r of records) {
    const e = r.entry;
    const t = e.table;
    const p = e.counts.protected as Record<string, number>;
    const known = new Set(['primary', 'class', 'secondary', 'rounded']);
    const other = Object.entries(p).filter(([k]) => !known.has(k)).map(([k, v]) => `${k}: ${v}`).join(', ');
    sheet.addRow([
      r.seq, e.time, e.user, e.channel, e.output, e.status === 'failed' ? `failed (release #${e.releaseSeq})` : 'released', e.fileName ?? '', e.sha256,
      sha256Hex(canonicalJson(e)), r.hash, e.chain ? `HMAC ${e.chain.keyId}` : 'SHA-256',
      t.kind === 'matrix' ? `matrix ${t.definition.kind}` : t.kind === 'fiche' ? `fiche ${t.areaCode}` : t.kind === 'recipe' ? `recipe ${t.name}` : t.kind,
      t.kind === 'matrix' ? t.definition.level : t.kind === 'fiche' ? t.level : '', t.kind === 'matrix' ? t.definition.vintage : t.kind === 'fiche' ? t.vintage : '',
      JSON.stringify(e.cohort), e.policy.threshold, e.policy.method, e.policy.roundingBase, e.policy.zerosUnsafe ? 'protected' : 'published',
      e.counts.cells, p.primary ?? 0, p.class ?? 0, p.secondary ?? 0, p.rounded ?? 0, other,
    ]);
  }
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), entries: records.length, log };
}
