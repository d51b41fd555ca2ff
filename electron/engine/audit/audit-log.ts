import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AuditEntry, type AuditRecord, type AuditVerdict } from '../../../shared/disclosure/audit-entry';
import { canonicalJson } from './canonical-json';

/**
 * The export audit log: a hash chain in the workspace. Each entry's hash is
 * SHA-256(prev_hash + canonical JSON of the entry) — or, where the administrator's policy
 * names a site key, HMAC-SHA-256 under that key, so the analyst's passphrase alone cannot
 * rewrite history. The first entry chains to GENESIS. The head (last seq and hash) is also
 * kept in the settings table, so removing the newest entries is detected as well as altering,
 * inserting or removing one in the middle. Every entry names its workspace (a random id made
 * with the workspace), which each release's proof repeats.
 */
export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';
const WORKSPACE_ID_KEY = 'workspace.id';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The administrator's site key: its bytes and a short id (first 16 hex of its SHA-256) recorded in entries. */
export interface SiteKey {
  bytes: Buffer;
  id: string;
}
export const siteKeyFrom = (bytes: Buffer): SiteKey => ({ bytes, id: sha256Hex(bytes).slice(0, 16) });

export function entryHash(prevHash: string, entry: unknown, key?: SiteKey | null): string {
  const text = prevHash + canonicalJson(entry);
  const chain = (entry as { chain?: { alg?: string } } | null)?.chain;
  if (chain?.alg === 'hmac-sha256') {
    if (!key) throw new Error('HMAC entry without a site key');
    return createHmac('sha256', key.bytes).update(text).digest('hex');
  }
  return sha256Hex(text);
}

/** The site key of each open workspace (bound when the extract is opened). */
const siteKeys = new WeakMap<Database, SiteKey>();
export function bindSiteKey(ws: Database, key: SiteKey | null): void {
  if (key) siteKeys.set(ws, key);
  else siteKeys.delete(ws);
}
export const siteKeyOf = (ws: Database): SiteKey | null => siteKeys.get(ws) ?? null;

/** The workspace's id, made once (random) and kept in its settings. */
export function workspaceIdOf(ws: Database): string {
  const get = () => ws.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(WORKSPACE_ID_KEY) as string | undefined;
  const found = get();
  if (found) return JSON.parse(found) as string;
  ws.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(WORKSPACE_ID_KEY, JSON.stringify(randomUUID()));
  return JSON.parse(get()!) as string;
}

interface Row {
  seq: number;
  created_at: string;
  entry: string;
  prev_hash: string;
  hash: string;
}

/** An entry ready to append: its place in the chain and its hashes are known before it is written. */
export interface PreparedAudit {
  entry: AuditEntry;
  seq: number;
  prevHash: string;
  /** SHA-256 of the entry's canonical JSON. */
  entryHash: string;
  /** The chain hash (SHA-256 or HMAC) the entry gets at `seq`. */
  hash: string;
  workspaceId: string;
  alg: 'sha256' | 'hmac-sha256';
}

const lastRow = (ws: Database) => ws.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;

/** Stamps the entry with the workspace id and chain, and computes where and how it will be chained. */
export function prepareAudit(ws: Database, entry: AuditEntry): PreparedAudit {
  const key = siteKeyOf(ws);
  const workspaceId = workspaceIdOf(ws);
  const stamped: AuditEntry = { ...entry, workspaceId, ...(key ? { chain: { alg: 'hmac-sha256' as const, keyId: key.id } } : {}) };
  const last = lastRow(ws);
  const prevHash = last?.hash ?? GENESIS;
  return {
    entry: stamped,
    seq: (last?.seq ?? 0) + 1,
    prevHash,
    entryHash: sha256Hex(canonicalJson(stamped)),
    hash: entryHash(prevHash, stamped, key),
    workspaceId,
    alg: key ? 'hmac-sha256' : 'sha256',
  };
}

/**
 * Appends a prepared entry; `also` runs in the same transaction with the new seq (e.g. the
 * snapshot). Fails when another entry was appended since it was prepared (its proof would lie).
 */
export function commitAudit(ws: Database, p: PreparedAudit, also?: (seq: number) => void): AuditRecord {
  return ws.transaction(() => {
    const last = lastRow(ws);
    if ((last?.seq ?? 0) + 1 !== p.seq || (last?.hash ?? GENESIS) !== p.prevHash) throw new Error('audit log moved on since the entry was prepared');
    ws.prepare('INSERT INTO audit_log (seq, created_at, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?)').run(p.seq, p.entry.time, canonicalJson(p.entry), p.prevHash, p.hash);
    ws.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, JSON.stringify({ seq: p.seq, hash: p.hash }));
    also?.(p.seq);
    return { seq: p.seq, createdAt: p.entry.time, entry: p.entry, hash: p.hash };
  }).immediate();
}

/** Appends an entry; `also` runs in the same transaction with the new seq (e.g. the snapshot). */
export function appendAudit(ws: Database, entry: AuditEntry, also?: (seq: number) => void): AuditRecord {
  return ws.transaction(() => commitAudit(ws, prepareAudit(ws, entry), also)).immediate();
}

const rows = (ws: Database): Row[] => ws.prepare('SELECT seq, created_at, entry, prev_hash, hash FROM audit_log ORDER BY seq').all() as Row[];

/** The record at `seq`, or null. */
export function auditRecordAt(ws: Database, seq: number): (AuditRecord & { raw: string }) | null {
  const r = ws.prepare('SELECT seq, created_at, entry, prev_hash, hash FROM audit_log WHERE seq = ?').get(seq) as Row | undefined;
  if (!r) return null;
  try {
    return { seq: r.seq, createdAt: r.created_at, entry: AuditEntry.parse(JSON.parse(r.entry)), hash: r.hash, raw: r.entry };
  } catch {
    return null;
  }
}

/** All entries, newest first (for the UI). Unreadable entries are skipped here; verify reports them. */
export function listAudit(ws: Database, limit = 500): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const r of rows(ws).reverse().slice(0, limit)) {
    try {
      const entry = AuditEntry.parse(JSON.parse(r.entry));
      out.push({ seq: r.seq, createdAt: r.created_at, entry, hash: r.hash });
    } catch {
      // listed as broken by verifyAudit
    }
  }
  return out;
}

/**
 * Walks the chain from the start; reports the first entry that does not fit. With the site key
 * (`key`, or the one bound to the workspace), HMAC entries are checked under it, and an entry
 * without HMAC after the first keyed one is a downgrade (`unkeyed`). HMAC entries cannot be
 * checked without the key (`no-site-key`).
 */
export function verifyAudit(ws: Database, key: SiteKey | null = siteKeyOf(ws)): AuditVerdict {
  const all = rows(ws);
  let prev = GENESIS;
  let expectedSeq = 1;
  let keyed = 0;
  const workspaceId = workspaceIdOf(ws);
  const fail = (seq: number, problem: AuditVerdict['problem']): AuditVerdict => ({ ok: false, entries: all.length, brokenAt: seq, problem, keyed, workspaceId });
  for (const r of all) {
    if (r.seq > expectedSeq) return fail(expectedSeq, 'removed');
    let parsed: { chain?: { alg: string; keyId: string } };
    try {
      parsed = JSON.parse(r.entry) as typeof parsed;
    } catch {
      return fail(r.seq, 'unreadable');
    }
    if (parsed.chain) {
      if (!key) return fail(r.seq, 'no-site-key');
      if (parsed.chain.alg !== 'hmac-sha256' || parsed.chain.keyId !== key.id) return fail(r.seq, 'altered');
      keyed++;
    } else if (keyed > 0) {
      return fail(r.seq, 'unkeyed');
    }
    // A recomputed hash that matches but a link that does not: a well-formed entry put in between.
    const selfConsistent = entryHash(r.prev_hash, parsed, key) === r.hash;
    if (r.prev_hash !== prev) return fail(r.seq, selfConsistent ? 'inserted' : 'removed');
    if (!selfConsistent) return fail(r.seq, 'altered');
    prev = r.hash;
    expectedSeq = r.seq + 1;
  }
  const headRaw = ws.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(HEAD_KEY) as string | undefined;
  const head = headRaw ? (JSON.parse(headRaw) as { seq: number; hash: string }) : null;
  const lastSeq = all.length ? all[all.length - 1].seq : 0;
  if (head && (head.seq !== lastSeq || head.hash !== prev)) {
    return fail(head.seq > lastSeq ? lastSeq + 1 : head.seq, head.seq > lastSeq ? 'removed' : 'inserted');
  }
  if (!head && all.length > 0) return fail(lastSeq, 'inserted');
  return { ok: true, entries: all.length, brokenAt: null, problem: null, keyed, workspaceId };
}
