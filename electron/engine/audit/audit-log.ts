import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AuditEntry, type AuditRecord, type AuditVerdict } from '../../../shared/disclosure/audit-entry';
import { canonicalJson } from './canonical-json';

/**
 * The export audit log: a hash chain in the workspace. Each entry's hash is
 * SHA-256(prev_hash + canonical JSON of the entry); the first entry chains to GENESIS.
 * The head (last seq and hash) is also kept in the settings table, so removing the
 * newest entries is detected as well as altering, inserting or removing one in the middle.
 */
export const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
export const entryHash = (prevHash: string, entry: unknown): string => sha256Hex(prevHash + canonicalJson(entry));

interface Row {
  seq: number;
  created_at: string;
  entry: string;
  prev_hash: string;
  hash: string;
}

/** Appends an entry; `also` runs in the same transaction with the new seq (e.g. the snapshot). */
export function appendAudit(ws: Database, entry: AuditEntry, also?: (seq: number) => void): AuditRecord {
  return ws.transaction(() => {
    const last = ws.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const prev = last?.hash ?? GENESIS;
    const seq = (last?.seq ?? 0) + 1;
    const hash = entryHash(prev, entry);
    ws.prepare('INSERT INTO audit_log (seq, created_at, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?)').run(seq, entry.time, canonicalJson(entry), prev, hash);
    ws.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(HEAD_KEY, JSON.stringify({ seq, hash }));
    also?.(seq);
    return { seq, createdAt: entry.time, entry, hash };
  }).immediate();
}

const rows = (ws: Database): Row[] => ws.prepare('SELECT seq, created_at, entry, prev_hash, hash FROM audit_log ORDER BY seq').all() as Row[];

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

/** Walks the chain from the start; reports the first entry that does not fit. */
export function verifyAudit(ws: Database): AuditVerdict {
  const all = rows(ws);
  let prev = GENESIS;
  let expectedSeq = 1;
  const fail = (seq: number, problem: AuditVerdict['problem']): AuditVerdict => ({ ok: false, entries: all.length, brokenAt: seq, problem });
  for (const r of all) {
    if (r.seq > expectedSeq) return fail(expectedSeq, 'removed');
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.entry);
    } catch {
      return fail(r.seq, 'unreadable');
    }
    // A recomputed hash that matches but a link that does not: a well-formed entry put in between.
    const selfConsistent = entryHash(r.prev_hash, parsed) === r.hash;
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
  return { ok: true, entries: all.length, brokenAt: null, problem: null };
}
