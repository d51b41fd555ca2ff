import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../electron/engine/audit/audit-log';
import { canonicalJson } from '../../electron/engine/audit/canonical-json';
import { workspacePath } from '../../electron/engine/workspace/open-workspace';
import { makeExtract, makeTempDir, TEST_PASSPHRASE } from '../support/make-extract';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

/**
 * Issue 11.2: every release carries its proof (workspace id, entry number, entry hash, chain
 * hash); `audit.verifyExport` ties a file to its entry. The three silent edits of the log —
 * deleting the last entry with its head, rewriting and re-chaining every entry, copying an
 * older workspace back — and a file from a fresh data folder are each detected, through the
 * release's proof or, with a site key, through the HMAC chain.
 */
const COHORT = { status: ['REFUGEE', 'SUBSIDIARY'] as ('REFUGEE' | 'SUBSIDIARY')[] };
const DEF = { kind: 'state' as const, level: 'region' as const };
const dir = makeTempDir('vv-audit-trail-');
const extract = makeExtract(path.join(dir, 'extract.db'), { persons: 80 }).path;
const engines: TestEngine[] = [];
afterAll(() => engines.forEach((e) => e.dispose()));

async function engineWith(opts: { siteKey?: string; dataDir?: string } = {}) {
  const policyFile = path.join(makeTempDir('vv-pol-'), 'policy.json');
  writeFileSync(policyFile, JSON.stringify(opts.siteKey ? { siteKeyFile: opts.siteKey } : {}));
  const t = makeTestEngine({ policy: { systemFile: policyFile, extraFile: undefined }, ...(opts.dataDir ? { dataDir: opts.dataDir } : {}) });
  engines.push(t);
  await open(t);
  return t;
}
const open = (t: TestEngine) => t.value('extract.open', { path: extract, passphrase: TEST_PASSPHRASE, cipher: { preset: 'auto' } });
const release = (t: TestEngine, name: string, format: 'xlsx' | 'csv' = 'xlsx', definition: { kind: 'state'; level: 'region' | 'province' } = DEF) =>
  t.value('export.matrix', { cohort: COHORT, definition, format, path: path.join(dir, name), language: 'nl' });
const check = (t: TestEngine, name: string) => t.value('audit.verifyExport', { path: path.join(dir, name) });
const ws = (t: TestEngine) => t.engine.state.session!.workspace;

/** What an attacker with the passphrase does with any SQLCipher library: rewrite rows and recompute the plain SHA-256 chain. */
function rechain(t: TestEngine, change: (entry: Record<string, unknown>) => void) {
  const db = ws(t);
  let prev = GENESIS;
  let last = { seq: 0, hash: GENESIS };
  for (const r of db.prepare('SELECT seq, entry FROM audit_log ORDER BY seq').all() as { seq: number; entry: string }[]) {
    const e = JSON.parse(r.entry) as Record<string, unknown>;
    change(e);
    delete e.chain; // no site key at hand: a plain chain
    const hash = entryHash(prev, e);
    db.prepare('UPDATE audit_log SET entry = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(canonicalJson(e), prev, hash, r.seq);
    prev = hash;
    last = { seq: r.seq, hash };
  }
  db.prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'").run(JSON.stringify(last));
}

describe('the proof in every release', () => {
  it('xlsx and CSV carry the proof; the checker finds each file exactly as its entry recorded it', async () => {
    const t = await engineWith();
    const a = await release(t, 'proof-a.xlsx');
    const b = await release(t, 'proof-b.csv', 'csv');
    const csv = readFileSync(path.join(dir, 'proof-b.csv'), 'utf8');
    expect(csv.trimEnd().split('\r\n').at(-1)).toMatch(/^Verhuisverkenner proof;workspace=[0-9a-f-]{36} seq=2 entry=[0-9a-f]{64} chain=[0-9a-f]{64} alg=sha256$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'proof-a.xlsx'));
    const meta = wb.getWorksheet('Metadata')!;
    expect(String(meta.getRow(meta.rowCount).getCell(1).value)).toBe('Verhuisverkenner proof');
    for (const [name, seq] of [['proof-a.xlsx', a.auditSeq], ['proof-b.csv', b.auditSeq]] as const) {
      const c = await check(t, name);
      expect(c.findings, name).toEqual([]);
      expect(c.ok).toBe(true);
      expect(c.record?.seq).toBe(seq);
    }
  });

  it('an edited file is found: a changed CSV cell, a changed xlsx cell, a file without proof', async () => {
    const t = await engineWith();
    await release(t, 'edit-a.xlsx');
    await release(t, 'edit-b.csv', 'csv');
    const csvFile = path.join(dir, 'edit-b.csv');
    writeFileSync(csvFile, readFileSync(csvFile, 'utf8').replace('Totaal', 'Totaal '));
    expect((await check(t, 'edit-b.csv')).findings).toContain('content-differs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'edit-a.xlsx'));
    wb.worksheets[0].getRow(2).getCell(2).value = 999;
    await wb.xlsx.writeFile(path.join(dir, 'edit-a.xlsx'));
    expect((await check(t, 'edit-a.xlsx')).findings).toContain('content-differs');
    writeFileSync(path.join(dir, 'plain.csv'), 'a;b\r\n1;2\r\n');
    expect((await check(t, 'plain.csv')).findings).toEqual(['no-proof']);
  });
});

describe('the three silent edits of the audit log are detected', () => {
  it('deleting the last entry and rewriting audit.head: the log still verifies, the release is orphaned', async () => {
    const t = await engineWith();
    await release(t, 'trunc-a.xlsx');
    await release(t, 'trunc-b.xlsx');
    const first = ws(t).prepare('SELECT seq, hash FROM audit_log WHERE seq = 1').get();
    ws(t).prepare('DELETE FROM export_snapshot WHERE seq = 2').run();
    ws(t).prepare('DELETE FROM release_ledger WHERE seq = 2').run();
    ws(t).prepare('DELETE FROM audit_log WHERE seq = 2').run();
    ws(t).prepare("UPDATE settings SET value = ? WHERE key = 'audit.head'").run(JSON.stringify(first));
    expect((await t.value('audit.verify', {})).ok).toBe(true);
    expect((await check(t, 'trunc-a.xlsx')).ok).toBe(true);
    const b = await check(t, 'trunc-b.xlsx');
    expect(b.ok).toBe(false);
    expect(b.findings).toContain('orphaned');
  });

  it('rewriting every entry and recomputing the chain: every earlier release is orphaned', async () => {
    const t = await engineWith();
    await release(t, 'rewrite-a.xlsx');
    await release(t, 'rewrite-b.csv', 'csv');
    rechain(t, (e) => {
      (e.policy as { threshold: number }).threshold = 3;
    });
    expect((await t.value('audit.verify', {})).ok).toBe(true);
    for (const f of ['rewrite-a.xlsx', 'rewrite-b.csv']) expect((await check(t, f)).findings).toContain('orphaned');
  });

  it('copying an older workspace back after an export: the later release is orphaned, also after new releases', async () => {
    const t = await engineWith();
    await release(t, 'rollback-a.xlsx');
    await t.value('extract.close', {});
    const file = workspacePath(t.dataDir, 'test-extract');
    const saved = path.join(dir, 'saved-workspace.bin');
    copyFileSync(file, saved);
    await open(t);
    await release(t, 'rollback-b.xlsx');
    await t.value('extract.close', {});
    copyFileSync(saved, file);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    await open(t);
    expect((await t.value('audit.verify', {})).ok).toBe(true);
    expect((await check(t, 'rollback-b.xlsx')).findings).toContain('orphaned');
    // The analyst exports again: the number is reused, the earlier file stays orphaned.
    await release(t, 'rollback-c.xlsx', 'xlsx', { kind: 'state', level: 'province' });
    expect((await check(t, 'rollback-b.xlsx')).findings).toContain('orphaned');
    expect((await check(t, 'rollback-c.xlsx')).ok).toBe(true);
  });

  it('a file released from a fresh data folder is flagged as from another workspace', async () => {
    const fresh = await engineWith({ dataDir: makeTempDir('vv-fresh-') });
    await release(fresh, 'fresh.xlsx');
    const usual = await engineWith();
    const c = await check(usual, 'fresh.xlsx');
    expect(c.findings).toEqual(['other-workspace']);
  });
});

describe('with the site key named by the administrator', () => {
  it('entries are chained with HMAC-SHA-256: a re-chained log fails to verify, and cannot be checked without the key', async () => {
    const key = path.join(makeTempDir('vv-key-'), 'site.key');
    writeFileSync(key, randomBytes(32));
    const t = await engineWith({ siteKey: key });
    await release(t, 'hmac-a.xlsx');
    const c = await check(t, 'hmac-a.xlsx');
    expect(c.ok).toBe(true);
    expect(c.proof?.alg).toBe('hmac-sha256');
    expect(c.log.keyed).toBe(1);
    // The analyst edits the entry and recomputes what he can: a plain SHA-256 chain.
    rechain(t, (e) => {
      e.fileName = 'other.xlsx';
    });
    const v = await t.value('audit.verify', {});
    expect(v.ok).toBe(true); // a plain chain, consistent in itself…
    expect(v.keyed).toBe(0); // …but with no entry under the site key
    expect((await check(t, 'hmac-a.xlsx')).findings).toContain('orphaned');
    // Keeping the HMAC mark without the key: the chain breaks.
    const row = ws(t).prepare('SELECT entry FROM audit_log WHERE seq = 1').pluck().get() as string;
    const e = JSON.parse(row) as Record<string, unknown>;
    e.chain = { alg: 'hmac-sha256', keyId: c.record!.entry.chain!.keyId };
    ws(t).prepare('UPDATE audit_log SET entry = ? WHERE seq = 1').run(canonicalJson(e));
    const broken = await t.value('audit.verify', {});
    expect(broken).toMatchObject({ ok: false, brokenAt: 1, problem: 'altered' });
  });

  it('an unreadable site key blocks every output', async () => {
    const t = await engineWith({ siteKey: path.join(dir, 'no-such.key') });
    const r = await t.call('export.matrix', { cohort: COHORT, definition: DEF, format: 'xlsx', path: path.join(dir, 'nokey.xlsx'), language: 'nl' });
    expect(r.ok ? 'ok' : r.error.code).toBe('POLICY_INVALID');
  });
});
