import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAudit, entryHash } from '../../electron/engine/audit/audit-log';
import { canonicalJson } from '../../electron/engine/audit/canonical-json';
import { migrateWorkspace } from '../../electron/engine/workspace/migrate';
import { DEFAULT_COHORT } from '../../shared/cohort/cohort-definition';
import { DEFAULT_POLICY } from '../../shared/disclosure/policy';
import { MatrixDefinition } from '../../shared/matrix/matrix-definition';
import type { AuditEntry } from '../../shared/disclosure/audit-entry';

function workspace() {
  const ws = new Database(':memory:');
  migrateWorkspace(ws);
  return ws;
}

const entry = (i: number): AuditEntry => ({
  time: `2026-01-0${i}T10:00:00.000Z`,
  user: 'analist',
  channel: 'ui',
  output: 'xlsx',
  extractId: 'x',
  extractFingerprint: 'f'.repeat(64),
  recipeHash: 'a'.repeat(64),
  cohort: DEFAULT_COHORT,
  table: { kind: 'matrix', definition: MatrixDefinition.parse({ kind: 'state', level: 'province' }) },
  fileName: `export-${i}.xlsx`,
  sha256: 'b'.repeat(64),
  policy: DEFAULT_POLICY,
  counts: { tables: 1, cells: 100, protected: { primary: i, class: 0, secondary: 2, rounded: 0, linked: 0, perturbed: 0 } },
  snapshotSha256: 'c'.repeat(64),
});

function logWith(n: number) {
  const ws = workspace();
  for (let i = 1; i <= n; i++) appendAudit(ws, entry(i));
  return ws;
}

describe('export audit log', () => {
  it('chains entries: hash = SHA-256(prev_hash + canonical JSON)', () => {
    const ws = logWith(3);
    expect(verifyAudit(ws)).toMatchObject({ ok: true, entries: 3, brokenAt: null, problem: null });
    const rows = ws.prepare('SELECT prev_hash, hash, entry FROM audit_log ORDER BY seq').all() as { prev_hash: string; hash: string; entry: string }[];
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].hash).toBe(entryHash(rows[2].prev_hash, JSON.parse(rows[2].entry)));
    expect(listAudit(ws).map((r) => r.entry.fileName)).toEqual(['export-3.xlsx', 'export-2.xlsx', 'export-1.xlsx']);
  });

  it('gives the same canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });

  it('detects an altered entry', () => {
    const ws = logWith(3);
    const row = ws.prepare('SELECT entry FROM audit_log WHERE seq = 2').pluck().get() as string;
    ws.prepare('UPDATE audit_log SET entry = ? WHERE seq = 2').run(row.replace('export-2.xlsx', 'other.xlsx'));
    expect(verifyAudit(ws)).toMatchObject({ ok: false, brokenAt: 2, problem: 'altered' });
  });

  it('detects an altered entry even when its own hash was recomputed', () => {
    const ws = logWith(3);
    const e = { ...entry(2), fileName: 'other.xlsx' };
    const prev = ws.prepare('SELECT prev_hash FROM audit_log WHERE seq = 2').pluck().get() as string;
    ws.prepare('UPDATE audit_log SET entry = ?, hash = ? WHERE seq = 2').run(canonicalJson(e), entryHash(prev, e));
    expect(verifyAudit(ws)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a removed entry in the middle and at the end', () => {
    const middle = logWith(3);
    middle.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(middle)).toMatchObject({ ok: false, brokenAt: 2, problem: 'removed' });
    const end = logWith(3);
    end.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    expect(verifyAudit(end)).toMatchObject({ ok: false, brokenAt: 3, problem: 'removed' });
  });

  it('detects an inserted entry', () => {
    const ws = logWith(2);
    // A forged entry appended with a correct-looking chain link but without going through appendAudit.
    const last = ws.prepare('SELECT hash FROM audit_log WHERE seq = 2').pluck().get() as string;
    const forged = entry(3);
    ws.prepare('INSERT INTO audit_log (seq, created_at, entry, prev_hash, hash) VALUES (3, ?, ?, ?, ?)').run(forged.time, canonicalJson(forged), last, entryHash(last, forged));
    expect(verifyAudit(ws)).toMatchObject({ ok: false, problem: 'inserted' });
    // And one put in between, renumbering the rest.
    const ws2 = logWith(2);
    const first = ws2.prepare('SELECT hash FROM audit_log WHERE seq = 1').pluck().get() as string;
    ws2.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 2').run();
    ws2.prepare('INSERT INTO audit_log (seq, created_at, entry, prev_hash, hash) VALUES (2, ?, ?, ?, ?)').run(forged.time, canonicalJson(forged), first, entryHash(first, forged));
    expect(verifyAudit(ws2)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
