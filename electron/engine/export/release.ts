import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import type { AuditEntry, ExportedTable } from '../../../shared/disclosure/audit-entry';
import type { DisclosurePolicy, UserPolicy } from '../../../shared/disclosure/policy';
import type { ProtectedCounts, ReasonCounts } from '../../../shared/disclosure/protection';
import type { MatrixDefinition } from '../../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../../shared/geo/area-level';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { OpenSession } from '../core/open-session';
import { appendAudit, sha256Hex } from '../audit/audit-log';
import { canonicalJson } from '../audit/canonical-json';
import { dropSnapshot, findDifferencingRisk, saveSnapshot, type Snapshot } from '../audit/differencing';
import { activePolicy, outputPolicy } from '../policy/policy-file';
import { getWorkspaceSetting } from '../workspace/workspace-settings';
import { buildFicheTables, buildMatrixTables, type BuiltTables } from './build-tables';
import { LABELS, legendLines, metadataRows, type OutputLanguage } from './output-document';
import type { OutputDocument, TableWriter } from './table-writer';
import { xlsxWriter } from './xlsx-writer';
import { csvWriter, tsvWriter } from './text-writer';

export const USER_POLICY_KEY = 'disclosure.userPolicy';

export type Subject =
  | { kind: 'matrix'; definition: MatrixDefinition }
  | { kind: 'fiche'; level: AreaLevel; vintage: Vintage; areaCode: string };

export interface ReleaseRequest {
  channel: 'ui' | 'cli';
  output: 'xlsx' | 'csv' | 'clipboard';
  /** Target file (xlsx, csv); null for the clipboard. */
  path: string | null;
  language: OutputLanguage;
  cohort: CohortDefinition;
  subject: Subject;
}

export interface ReleaseResult {
  fileName: string | null;
  sha256: string;
  /** The clipboard text (TSV); null for files. */
  text: string | null;
  auditSeq: number;
  counts: ReasonCounts;
}

export const requireSession = (state: EngineState): OpenSession => {
  if (!state.session) throw new AppError('NO_EXTRACT_OPEN');
  return state.session;
};

/** The policy in force for this session (the user's choices live in the workspace). */
export function sessionPolicy(state: EngineState) {
  const user = state.session ? (getWorkspaceSetting<UserPolicy>(state.session.workspace, USER_POLICY_KEY) ?? null) : null;
  return activePolicy(user);
}

/** Protected tables for a subject: the same computation the preview shows. */
export function protectedTables(session: OpenSession, cohort: CohortDefinition, subject: Subject, policy: DisclosurePolicy, lang: OutputLanguage): BuiltTables {
  return subject.kind === 'matrix'
    ? buildMatrixTables(session, cohort, subject.definition, policy, lang)
    : buildFicheTables(session, cohort, subject.level, subject.vintage, subject.areaCode, policy, lang);
}

/**
 * THE way a table leaves the application: file, clipboard or CLI. It checks the policy,
 * recomputes the table, applies disclosure control, refuses a differencing risk against
 * earlier exports, writes through a TableWriter to a temporary file in the target folder,
 * records a hash-chained audit entry, and only then renames the file into place.
 */
export async function releaseTable(state: EngineState, req: ReleaseRequest): Promise<ReleaseResult> {
  const session = requireSession(state);
  const policy = outputPolicy(sessionPolicy(state), req.output === 'clipboard' ? 'tsv' : req.output);
  const built = protectedTables(session, req.cohort, req.subject, policy, req.language);
  const table: ExportedTable = req.subject.kind === 'matrix' ? { kind: 'matrix', definition: req.subject.definition } : { ...req.subject };
  const snapshot: Snapshot = { cohort: req.cohort, table, method: policy.method, values: publishedValues(built.tables.map((t) => t.table)) };
  const risk = findDifferencingRisk(session.workspace, snapshot, policy.threshold);
  if (risk) throw new AppError('DIFFERENCING_RISK', { earlier: `#${risk.seq}`, threshold: policy.threshold }, { earlierSeq: risk.seq, cells: risk.cells });

  const createdAt = new Date();
  const counts = sumCounts(built.tables.map((t) => t.table.counts));
  const L = LABELS[req.language];
  const doc: OutputDocument = {
    tables: built.tables,
    measures: built.measures,
    legend: { sheet: L.legend, lines: legendLines(req.language, policy) },
    metadata: { sheet: L.metadata, rows: metadataRows({ summary: session.summary, cohort: req.cohort, table, policy, counts, appVersion: state.config.appVersion, createdAt }) },
    decimalComma: req.language !== 'en',
  };
  const writer: TableWriter = req.output === 'xlsx' ? xlsxWriter : req.output === 'csv' ? csvWriter : tsvWriter;
  const bytes = await writer.write(doc);
  const sha256 = sha256Hex(bytes);

  let fileName: string | null = null;
  let staged: StagedFile | null = null;
  if (req.output !== 'clipboard') {
    if (!req.path) throw new AppError('INVALID_REQUEST', { issue: 'path: required for a file export' });
    const target = path.resolve(req.path);
    fileName = path.basename(target);
    staged = stageFile(target, bytes);
  }
  const entry: AuditEntry = {
    time: createdAt.toISOString(),
    user: osUser(),
    channel: req.channel,
    output: req.output,
    extractId: session.summary.extractId,
    extractFingerprint: session.summary.fingerprint,
    recipeHash: sha256Hex(canonicalJson(req.cohort)),
    cohort: req.cohort,
    table,
    fileName,
    sha256,
    policy,
    counts: { tables: built.tables.length, cells: built.tables.reduce((n, t) => n + t.table.cells.length, 0), protected: counts },
    snapshotSha256: sha256Hex(JSON.stringify(snapshot.values)),
  };
  // The audit entry is durable before the file shows under its name: a crash in between
  // leaves an entry and a hidden temp file, never an exported file without its entry.
  let seq: number;
  try {
    seq = appendAudit(session.workspace, entry, (s) => saveSnapshot(session.workspace, s, snapshot)).seq;
  } catch {
    // No output without its audit entry.
    if (staged) unlinkQuietly(staged.temp);
    throw new AppError('WORKSPACE_ERROR', { reason: 'audit log' });
  }
  if (staged) publishStaged(session, staged, entry, seq);
  return { fileName, sha256, text: req.output === 'clipboard' ? new TextDecoder().decode(bytes) : null, auditSeq: seq, counts };
}

interface StagedFile {
  temp: string;
  target: string;
}

/**
 * Renames the staged file into place. If that fails, a second audit entry records that the
 * release of entry `seq` did not complete (nothing left under the file name), its snapshot
 * is dropped (nothing was published to difference against) and the temp file removed.
 */
function publishStaged(session: OpenSession, staged: StagedFile, released: AuditEntry, seq: number): void {
  try {
    fileOps.rename(staged.temp, staged.target);
  } catch (err) {
    unlinkQuietly(staged.temp);
    const failed: AuditEntry = { ...released, time: new Date().toISOString(), status: 'failed', releaseSeq: seq };
    try {
      appendAudit(session.workspace, failed, () => dropSnapshot(session.workspace, seq));
    } catch {
      throw new AppError('WORKSPACE_ERROR', { reason: 'audit log' });
    }
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
}

/** The file operations of a release; a test replaces `rename` to simulate a failing disk. */
export const fileOps = { rename: renameSync };

/** Writes the bytes to a temp file beside the target (hidden, exclusive): renamed into place once audited. */
function stageFile(target: string, bytes: Uint8Array): StagedFile {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') unlinkQuietly(temp);
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  return { temp, target };
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export function publishedValues(tables: ProtectedCounts[]): (number | null)[] {
  const out: (number | null)[] = [];
  for (const t of tables) {
    // Loops, not spread: a municipality matrix has 340,000 cells.
    for (const v of t.cells) out.push(v);
    for (const v of t.rowTotals) out.push(v);
    for (const v of t.colTotals) out.push(v);
    out.push(t.total);
  }
  return out;
}

export function sumCounts(list: ReasonCounts[]): ReasonCounts {
  const s: ReasonCounts = { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 };
  for (const c of list) for (const k of Object.keys(s) as (keyof ReasonCounts)[]) s[k] += c[k];
  return s;
}
