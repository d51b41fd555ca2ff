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
import type { CrosstabSubject } from '../../../shared/crosstab/crosstab-definition';
import { buildCrosstabTables } from '../crosstab/build-crosstab-tables';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import type { OpenSession } from '../core/open-session';
import { appendAudit, commitAudit, sha256Hex } from '../audit/audit-log';
import { sealRelease } from '../audit/seal-release';
import { canonicalJson } from '../audit/canonical-json';
import { getHighs } from '../ledger/highs-instance';
import { getSecondSolver } from '../ledger/second-solver';
import { cachedLedger, dropLedgerRelease, saveLedgerRelease } from '../ledger/ledger-store';
import { ledgerTableOf } from '../ledger/ledger-table';
import { PERTURBATION_BOUND, protectAgainstLedger, type LedgerProtection } from '../ledger/protect-against-ledger';
import { activePolicy, outputPolicy } from '../policy/policy-file';
import { getWorkspaceSetting } from '../workspace/workspace-settings';
import { buildFicheTables, buildMatrixTables, type BuiltTables, type LinkedCells } from './build-tables';
import { LABELS, legendLines, metadataRows, type OutputLanguage } from './output-document';
import type { OutputDocument, TableWriter } from './table-writer';
import { documentInMeasure } from './measure-document';
import { releaseDetails, writerFor, type ReleaseOutput } from './writer-for';
import type { CellMeasure } from '../../../shared/disclosure/percent-table';
import type { ChartKind, ChartView } from '../../../shared/disclosure/chart-kind';
import { checkWritePath, PRIVATE_FILE_MODE, writeGuardOf } from './write-path';
import { cohortIdentity, withCohortIdentityRows } from './cohort-identity';
import { diagonalShareDefinition } from '../../../shared/matrix/matrix-labels';

export const USER_POLICY_KEY = 'disclosure.userPolicy';

export type Subject =
  | { kind: 'matrix'; definition: MatrixDefinition }
  | { kind: 'fiche'; level: AreaLevel; vintage: Vintage; areaCode: string }
  | CrosstabSubject;

export interface ReleaseRequest {
  channel: 'ui' | 'cli';
  output: ReleaseOutput;
  /** Target file (xlsx, csv); null for the clipboard. */
  path: string | null;
  /** Replace an existing file (the UI sets it only after the user confirmed). */
  overwrite?: boolean;
  language: OutputLanguage;
  cohort: CohortDefinition;
  /** The analyst's name for the cohort (with "(gewijzigd)" when changed); null or absent: unnamed. */
  cohortName?: string | null;
  subject: Subject;
  /** The measure on screen (default counts); percentages come from published values only. */
  measure?: CellMeasure;
  /** For output svg/png: the chart drawn from the protected table. */
  chart?: ChartKind;
  /** For output svg/png: the tab's choices that shape the chart (recorded in the audit entry). */
  chartView?: ChartView;
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

/**
 * The open session once its fingerprint is the file's full SHA-256. After a cache hit the
 * check runs in the background; a release, recipe or report started meanwhile waits for it,
 * so nothing lasting carries the cache's fingerprint or tables from the cache's index should
 * the check correct them (the index is then rebuilt from the file on this first use).
 * NO_EXTRACT_OPEN when the session closed while waiting.
 */
export async function settledSession(state: EngineState): Promise<OpenSession> {
  const session = requireSession(state);
  if (!session.fingerprintChecked) return session;
  await session.fingerprintChecked;
  if (state.session !== session) throw new AppError('NO_EXTRACT_OPEN');
  return session;
}

/** The policy in force for this session (the user's choices live in the workspace). */
export function sessionPolicy(state: EngineState) {
  const user = state.session ? (getWorkspaceSetting<UserPolicy>(state.session.workspace, USER_POLICY_KEY) ?? null) : null;
  return activePolicy(user, state.adminPolicy());
}

/** Tables for a subject, each protected on its own (and around `linked` cells, if given). */
export function protectedTables(session: OpenSession, cohort: CohortDefinition, subject: Subject, policy: DisclosurePolicy, lang: OutputLanguage, linked?: LinkedCells): BuiltTables {
  if (subject.kind === 'crosstab' || subject.kind === 'profile') return buildCrosstabTables(session, cohort, subject, policy, lang, linked);
  return subject.kind === 'matrix'
    ? buildMatrixTables(session, cohort, subject.definition, policy, lang, linked)
    : buildFicheTables(session, cohort, subject.level, subject.vintage, subject.areaCode, policy, lang, linked);
}

/**
 * The tables as they may leave: protected on their own, then against every earlier release
 * of the extract in the ledger. The same computation the preview shows. Throws
 * LINKED_TABLES / DIFFERENCING_RISK when the release cannot be protected.
 */
export async function releasableTables(
  session: OpenSession,
  cohort: CohortDefinition,
  subject: Subject,
  policy: DisclosurePolicy,
  lang: OutputLanguage,
  options: { intervals?: boolean } = {},
): Promise<{ built: BuiltTables; ledger: LedgerProtection }> {
  // Started before the tables are counted, so its solver has loaded by the time it is needed.
  const second = getSecondSolver();
  const first = protectedTables(session, cohort, subject, policy, lang);
  const release = { counts: first.counts, personCells: first.personCells, protected: first.tables.map((t) => t.table), hierarchy: first.hierarchy };
  const ledger = protectAgainstLedger(await getHighs(), cachedLedger(session.workspace), release, policy, { ...options, second });
  if (!ledger.linked.some((m) => m.size > 0)) return { built: first, ledger };
  const built = first.reprotect ? first.reprotect(ledger.linked) : protectedTables(session, cohort, subject, policy, lang, ledger.linked);
  // Defence in depth: the tables written are the ones the ledger checked.
  built.tables.forEach((t, i) => {
    const checked = ledger.tables[i];
    if (t.table.cellStatus !== checked.cellStatus || t.table.rowStatus !== checked.rowStatus || t.table.colStatus !== checked.colStatus || t.table.totalStatus !== checked.totalStatus) {
      throw new Error('release differs from the table checked against the ledger');
    }
  });
  return { built, ledger };
}

/**
 * THE way a table leaves the application: file, clipboard or CLI. It checks the policy,
 * recomputes the table, applies disclosure control on its own and against every earlier
 * release in the ledger (refusing what cannot be protected), writes through a TableWriter to a temporary file in the target folder,
 * records a hash-chained audit entry, and only then renames the file into place.
 */
export async function releaseTable(state: EngineState, req: ReleaseRequest): Promise<ReleaseResult> {
  const session = await settledSession(state);
  const policy = outputPolicy(sessionPolicy(state), req.output === 'clipboard' ? 'tsv' : req.output);
  // The target is checked before any computation (write-path.ts).
  let fileName: string | null = null;
  let target: string | null = null;
  if (req.output !== 'clipboard') {
    if (!req.path) throw new AppError('INVALID_REQUEST', { issue: 'path: required for a file export' });
    target = checkWritePath(req.path, writeGuardOf(state), { overwrite: req.overwrite === true });
    fileName = path.basename(target);
  }
  const { built, ledger } = await releasableTables(session, req.cohort, req.subject, policy, req.language);
  const table: ExportedTable = req.subject.kind === 'matrix' ? { kind: 'matrix', definition: req.subject.definition } : { ...req.subject };
  const values = publishedValues(built.tables.map((t) => t.table));

  const createdAt = new Date();
  const counts = sumCounts(built.tables.map((t) => t.table.counts));
  const L = LABELS[req.language];
  const identity = cohortIdentity(req.cohort, req.cohortName, req.language);
  const base: OutputDocument = {
    tables: built.tables,
    measures: built.measures,
    // Where the measures sheet shows the diagonal's share, the legend defines it for this definition.
    legend: {
      sheet: L.legend,
      lines: [
        ...legendLines(req.language, policy),
        ...(built.measures && req.subject.kind === 'matrix' ? [diagonalShareDefinition(req.subject.definition.kind, req.language)] : []),
      ],
    },
    metadata: {
      sheet: L.metadata,
      rows: withCohortIdentityRows(
        metadataRows({ summary: session.summary, cohort: req.cohort, table, policy, counts, appVersion: state.config.appVersion, createdAt, language: req.language }),
        identity,
        req.language,
      ),
    },
    decimalComma: req.language !== 'en',
  };
  const doc = documentInMeasure(base, req.measure ?? 'counts', req.language);
  const writer: TableWriter = await writerFor(req, state.config.resourcesDir);
  const fullPath = target;

  const entryFor = (sha256: string): AuditEntry => ({
    time: createdAt.toISOString(),
    user: osUser(),
    channel: req.channel,
    output: req.output,
    extractId: session.summary.extractId,
    extractFingerprint: session.summary.fingerprint,
    recipeHash: sha256Hex(canonicalJson(req.cohort)),
    cohort: req.cohort,
    ...identity,
    table,
    fileName,
    ...releaseDetails(req, fullPath),
    sha256,
    policy,
    counts: { tables: built.tables.length, cells: built.tables.reduce((n, t) => n + t.table.cells.length, 0), protected: counts },
    snapshotSha256: sha256Hex(JSON.stringify(values)),
    protectedAgainst: ledger.against,
  });
  // The entry's place in the chain is fixed before the bytes are final: the file carries its proof.
  const sealed = await sealRelease(session.workspace, writer, doc, entryFor, req.output !== 'clipboard');
  const { bytes, digest: sha256, prepared } = sealed;
  const entry = prepared.entry;
  const staged: StagedFile | null = target ? stageFile(target, bytes) : null;
  // The audit entry is durable before the file shows under its name: a crash in between
  // leaves an entry and a hidden temp file, never an exported file without its entry.
  let seq: number;
  try {
    // The ledger records the release in the same transaction as its audit entry.
    seq = commitAudit(session.workspace, prepared, (s) =>
      saveLedgerRelease(session.workspace, s, built.tables.map((t, i) => ledgerTableOf(t.table, built.personCells[i], s, i, PERTURBATION_BOUND, built.hierarchy[i]))),
    ).seq;
  } catch {
    // No output without its audit entry.
    if (staged) unlinkQuietly(staged.temp);
    throw new AppError('WORKSPACE_ERROR', { reason: 'audit log' });
  }
  if (staged) publishStaged(session, staged, entry, seq);
  return { fileName, sha256, text: req.output === 'clipboard' ? new TextDecoder().decode(bytes) : null, auditSeq: seq, counts };
}

export interface StagedFile {
  temp: string;
  target: string;
}

/**
 * Renames the staged file into place. If that fails, a second audit entry records that the
 * release of entry `seq` did not complete (nothing left under the file name), its snapshot
 * is dropped from the ledger (nothing was published) and the temp file removed.
 */
export function publishStaged(session: OpenSession, staged: StagedFile, released: AuditEntry, seq: number): void {
  try {
    fileOps.rename(staged.temp, staged.target);
  } catch (err) {
    unlinkQuietly(staged.temp);
    const failed: AuditEntry = { ...released, time: new Date().toISOString(), status: 'failed', releaseSeq: seq };
    try {
      appendAudit(session.workspace, failed, () => dropLedgerRelease(session.workspace, seq));
    } catch {
      throw new AppError('WORKSPACE_ERROR', { reason: 'audit log' });
    }
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
}

/** The file operations of a release; a test replaces `rename` to simulate a failing disk. */
export const fileOps = { rename: renameSync };

/** Writes the bytes to a temp file beside the target (hidden, exclusive): renamed into place once audited. */
export function stageFile(target: string, bytes: Uint8Array): StagedFile {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') unlinkQuietly(temp);
    throw new AppError('WRITE_FAILED', { reason: (err as NodeJS.ErrnoException).code ?? 'io' });
  }
  return { temp, target };
}

export function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

export function osUser(): string {
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
