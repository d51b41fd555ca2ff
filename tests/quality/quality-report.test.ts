import path from 'node:path';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_CHECKS, type QualityReport } from '../../shared/quality/quality-report';
import { QUALITY_RULES } from '../../shared/quality/quality-rules';
import { openExtractSession } from '../../electron/engine/extract/open-extract-session';
import { makeExtract, makeTempDir } from '../support/make-extract';
import { makeTestEngine, REPO_ROOT, type TestEngine } from '../support/test-engine';
import { QUALITY_REFERENCE_DATE, qualityFixtureRows } from '../support/quality-fixture';
import { sqlQualityCounts } from './sql-quality';

/**
 * The data-quality report on a crafted extract that holds every anomaly: the engine's counts
 * equal an independent count in SQL, every anomaly is present, and the export prints a count
 * below the threshold as "< T" and records the release in the audit log.
 */
const dir = makeTempDir('vv-quality-');
const made = makeExtract(path.join(dir, 'quality.db'), { onlyGiven: true, rows: qualityFixtureRows(), meta: { reference_date: QUALITY_REFERENCE_DATE } });
let t: TestEngine;
let report: QualityReport;

beforeAll(async () => {
  t = makeTestEngine();
  await t.value('extract.open', { path: made.path, passphrase: made.passphrase });
  report = await t.value('quality.report', {});
});
afterAll(() => t.dispose());

describe('data-quality report', () => {
  it('counts what an independent SQL count gives, for every check', async () => {
    const session = await openExtractSession({ path: made.path, passphrase: made.passphrase, cipher: { preset: 'auto' } }, path.join(dir, 'sql'), () => {});
    try {
      const expected = sqlQualityCounts(session.db, QUALITY_REFERENCE_DATE);
      const got = Object.fromEntries(report.items.map((i) => [i.check, { persons: i.persons, records: i.records }]));
      expect(got).toEqual(expected);
    } finally {
      session.close();
    }
    expect(report.persons).toBe(made.rows.person.length);
    expect(report.residenceRecords).toBe(made.rows.residence.length);
  });

  it('finds every anomaly in the crafted extract, in the order of the report', () => {
    expect(report.items.map((i) => i.check)).toEqual([...QUALITY_CHECKS]);
    for (const item of report.items) expect(item.persons, item.check).toBeGreaterThan(0);
    const of = (c: string) => report.items.find((i) => i.check === c)!;
    // Spot checks an analyst can follow in the fixture: 12 persons with a one-month gap plus one over the decision day.
    expect(of('gap')).toEqual({ check: 'gap', persons: 13, records: 13 });
    // The recode 58001 recorded before 2019 is invalid on its date but maps back to 55022 in 2014.
    expect(of('nisInvalidOnDate').records).toBe(3 + 1 + 1);
    expect(of('nisNoMunicipality2014').records).toBe(2 + 2 + 1 + 1);
    // Moves on the decision day: 5 to another municipality, 1 abroad on the day of a rejection-only decision.
    expect(of('moveOnDecisionDay').persons).toBe(6);
    expect(of('noDecision').records).toBeNull();
  });

  it('gives each anomaly its rule in NL and EN and a section of docs/matrix-definitions.md that exists', () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs/matrix-definitions.md'), 'utf8');
    for (const check of QUALITY_CHECKS) {
      const rule = QUALITY_RULES[check];
      expect(rule.rule.nl.length).toBeGreaterThan(20);
      expect(rule.rule.en.length).toBeGreaterThan(20);
      for (const part of rule.section.replace(/^docs\/matrix-definitions\.md § /, '').split(/; § /)) {
        const heading = part.split(' › ')[0];
        expect(doc, `${check}: ${heading}`).toContain(`## ${heading}`);
      }
      expect(doc, check).toContain(`\`${check}\``);
    }
  });

  it('exports to xlsx with "< T" for small counts, exact counts from T on, and an audit entry', async () => {
    const out = path.join(dir, 'kwaliteit.xlsx');
    const r = await t.value('export.quality', { format: 'xlsx', path: out, language: 'nl' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Datakwaliteit')!;
    const T = report.threshold;
    expect(T).toBe(10);
    const rows = new Map<string, [unknown, unknown, unknown]>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), [row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]);
    });
    const gap = rows.get(QUALITY_RULES.gap.label.nl)!;
    expect(gap[0]).toBe(13);
    expect(gap[2]).toBe(QUALITY_RULES.gap.rule.nl);
    expect(rows.get(QUALITY_RULES.noDecision.label.nl)![0]).toBe(11);
    expect(rows.get(QUALITY_RULES.overlap.label.nl)![0]).toBe('< 10');
    expect(rows.get(QUALITY_RULES.nisMissing.label.nl)![1]).toBe('< 10');
    // No count from 1 to T − 1 leaves the engine.
    for (const [, [persons, records]] of rows) for (const v of [persons, records]) if (typeof v === 'number') expect(v === 0 || v >= T).toBe(true);
    const log = await t.value('audit.list', {});
    const entry = log.records.find((x) => x.seq === r.auditSeq)!.entry;
    expect(entry.table).toEqual({ kind: 'quality' });
    expect(entry.fileName).toBe('kwaliteit.xlsx');
    expect(entry.sha256).toBe(r.sha256);
    const verified = await t.value('audit.verifyExport', { path: out });
    expect(verified.ok).toBe(true);
  });

  it('exports to CSV in English, and refuses to replace a file unasked', async () => {
    const out = path.join(dir, 'quality.csv');
    await t.value('export.quality', { format: 'csv', path: out, language: 'en' });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`${QUALITY_RULES.overlap.label.en};< 10;< 10;`);
    expect(text).toContain(`${QUALITY_RULES.gap.label.en};13;13;`);
    const again = await t.call('export.quality', { format: 'csv', path: out, language: 'en' });
    expect(again.ok ? null : again.error.code).toBe('FILE_EXISTS');
  });

  it('follows a tightened threshold: 13 gaps become "< 15"', async () => {
    await t.value('disclosure.setUserPolicy', { user: { threshold: 15 } });
    try {
      const tightened = await t.value('quality.report', {});
      expect(tightened.threshold).toBe(15);
      const out = path.join(dir, 'tightened.csv');
      await t.value('export.quality', { format: 'csv', path: out, language: 'en' });
      const text = readFileSync(out, 'utf8');
      expect(text).toContain(`${QUALITY_RULES.gap.label.en};< 15;< 15;`);
      expect(text).toContain(`${QUALITY_RULES.noDecision.label.en};< 15;;`);
    } finally {
      await t.value('disclosure.setUserPolicy', { user: {} });
    }
  });

  it('checks codes against the supplier\'s vintage when the extract says every code was converted', async () => {
    const converted = makeExtract(path.join(dir, 'converted.db'), { onlyGiven: true, rows: qualityFixtureRows(), meta: { reference_date: QUALITY_REFERENCE_DATE, nis_vintage: '2025' } });
    const e = makeTestEngine();
    try {
      await e.value('extract.open', { path: converted.path, passphrase: converted.passphrase });
      const r = await e.value('quality.report', {});
      const in2025 = new Set(readFileSync(path.join(REPO_ROOT, 'resources/refdata/municipalities_2025.csv'), 'utf8').split('\n').slice(1).map((l) => l.split(',')[0]));
      const wrong = converted.rows.residence.filter((x) => (x.kind === 'MAIN' || x.kind === 'WAITING_REGISTER') && x.nis_code && !in2025.has(String(x.nis_code)));
      const item = r.items.find((i) => i.check === 'nisInvalidOnDate')!;
      expect(item.records).toBe(wrong.length);
      expect(item.persons).toBe(new Set(wrong.map((x) => x.person_id)).size);
      // 11007 Borsbeek (merged into Antwerpen) and the unknown 99999 are not 2025 municipalities.
      expect(new Set(wrong.map((x) => x.nis_code))).toEqual(new Set(['11007', '99999']));
    } finally {
      e.dispose();
    }
  });

  it('without an open extract says so', async () => {
    const fresh = makeTestEngine();
    try {
      const r = await fresh.call('quality.report', {});
      expect(r.ok ? null : r.error.code).toBe('NO_EXTRACT_OPEN');
    } finally {
      fresh.dispose();
    }
  });
});
