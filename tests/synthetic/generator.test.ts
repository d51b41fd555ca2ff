import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { EXTRACT_SCHEMA } from '../../shared/extract/extract-schema';
import { applyCipher } from '../../electron/engine/extract/cipher';
import { isValidInVintage, isValidOn } from '../../electron/engine/geo/nis-validity';
import { writeSyntheticCsv, writeSyntheticExtract } from '../../electron/engine/synthetic/generate-extract';
import { publishedFigures } from './synthetic-stats';
import { MESSINESS } from '../../electron/engine/synthetic/register-messiness';

const PASS = 'synthetic-test-pass';
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'vv-syn-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function openExtract(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  applyCipher(db, { preset: 'sqlcipher4' }, Buffer.from(PASS));
  db.pragma('temp_store=MEMORY');
  return db;
}

/** SHA-256 of the content: every table, rows in primary-key order. */
function contentHash(db: Database.Database): string {
  const h = createHash('sha256');
  for (const t of EXTRACT_SCHEMA) {
    for (const row of db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.primaryKey.join(', ')}`).raw().iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}

const folderHash = (dir: string) =>
  createHash('sha256')
    .update(readdirSync(dir).sort().map((f) => f + readFileSync(path.join(dir, f), 'utf8')).join('\n'))
    .digest('hex');

describe('synthetic extract generator', () => {
  it('is reproducible: same seed → same content, another seed → other content', () => {
    const hashes = [1, 2, 3].map((i) => {
      const file = path.join(tmp(), 'x.db');
      writeSyntheticExtract(file, PASS, { preset: 'sqlcipher4' }, { persons: 1500, seed: i === 3 ? 43 : 42 });
      const db = openExtract(file);
      try {
        return contentHash(db);
      } finally {
        db.close();
      }
    });
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[2]).not.toBe(hashes[0]);
    // The CSV output of the same seed is byte-identical too, whatever the batch size.
    const a = tmp();
    const b = tmp();
    writeSyntheticCsv(a, { persons: 1500, seed: 42 });
    writeSyntheticCsv(b, { persons: 1500, seed: 42, batchPersons: 7 });
    expect(folderHash(a)).toBe(folderHash(b));
  });

  it('refuses to overwrite an existing file', () => {
    const file = path.join(tmp(), 'x.db');
    writeSyntheticExtract(file, PASS, { preset: 'sqlcipher4' }, { persons: 10, seed: 1 });
    expect(() => writeSyntheticExtract(file, PASS, { preset: 'sqlcipher4' }, { persons: 10, seed: 1 })).toThrow('IMPORT_TARGET_EXISTS');
    expect(readdirSync(path.dirname(file))).toEqual(['x.db']);
  });

  describe('on 20,000 persons (the demo size)', () => {
    let db: Database.Database;
    beforeAll(() => {
      const file = path.join(tmp(), 'demo.db');
      writeSyntheticExtract(file, PASS, { preset: 'sqlcipher4' }, { persons: 20_000, seed: 20180127 });
      db = openExtract(file);
    });
    afterAll(() => db.close());

    it('resembles the published figures', () => {
      const f = publishedFigures(db);
      expect(f.granted).toBeGreaterThan(8000);
      expect(f.refugeeShare).toBeCloseTo(0.78, 1);
      expect(Math.abs(f.refugeeShare - 0.78)).toBeLessThan(0.02);
      expect(Math.abs(f.syriaShare - 0.4)).toBeLessThan(0.03);
      expect(f.topNationalities).toEqual(['SYR', 'AFG', 'IRQ', 'SOM', 'ERI']);
      expect(Math.abs(f.minorShare - 0.2)).toBeLessThan(0.03);
      expect(f.maleShare).toBeGreaterThan(0.59);
      expect(f.maleShare).toBeLessThan(0.66);
      expect(Math.abs(f.walloniaAtDecision - 0.4)).toBeLessThan(0.03);
      expect(Math.abs(f.retention.VLG - 0.89)).toBeLessThan(0.025);
      expect(Math.abs(f.retention.BRU - 0.76)).toBeLessThan(0.04);
      expect(Math.abs(f.retention.WAL - 0.46)).toBeLessThan(0.03);
      expect(Math.abs(f.walloniaTo.VLG - 0.38)).toBeLessThan(0.03);
      expect(Math.abs(f.walloniaTo.BRU - 0.16)).toBeLessThan(0.03);
    });

    it('has every decision status, exits and address changes inside a municipality', () => {
      const statuses = db.prepare('SELECT DISTINCT status FROM protection_decision ORDER BY 1').pluck().all();
      expect(statuses).toEqual(['CEASED', 'REFUGEE', 'REJECTED', 'SUBSIDIARY', 'WITHDRAWN']);
      const pending = db.prepare('SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM protection_decision d WHERE d.person_id = p.person_id)').pluck().get() as number;
      expect(pending).toBeGreaterThan(100);
      const kinds = db.prepare('SELECT DISTINCT kind FROM residence ORDER BY 1').pluck().all();
      expect(kinds).toEqual(['ABROAD', 'DECEASED', 'MAIN', 'RADIATED', 'WAITING_REGISTER']);
      const sameMunicipality = db
        .prepare(
          `SELECT count(*) FROM residence a JOIN residence b ON a.person_id = b.person_id AND b.start_date = date(a.end_date, '+1 day')
           WHERE a.kind = 'MAIN' AND b.kind = 'MAIN' AND a.nis_code = b.nis_code`,
        )
        .pluck()
        .get() as number;
      expect(sameMunicipality).toBeGreaterThan(100);
      const deathsOnRecordDay = db.prepare("SELECT count(*) FROM person p JOIN residence r ON r.person_id = p.person_id AND r.kind = 'DECEASED' AND r.start_date = p.death_date").pluck().get() as number;
      expect(deathsOnRecordDay).toBeGreaterThan(0);
    });

    it('is as messy as an administrative register, at the documented rates (docs/extract-format.md)', () => {
      const n = (sql: string) => db.prepare(sql).pluck().get() as number;
      const near = (value: number, rate: number, of: number) => {
        // Within 4 standard deviations of a binomial count: fails only when the rate is wrong.
        expect(Math.abs(value - rate * of)).toBeLessThan(4 * Math.sqrt(of * rate * (1 - rate)) + 1);
      };
      // Changes between two municipality stays, by how the old record ends.
      const pairs = `FROM residence a JOIN residence b ON b.person_id = a.person_id AND b.start_date = (SELECT MIN(start_date) FROM residence c WHERE c.person_id = a.person_id AND c.start_date > a.start_date)
        WHERE a.kind IN ('MAIN', 'WAITING_REGISTER') AND b.kind IN ('MAIN', 'WAITING_REGISTER')`;
      const changes = n(`SELECT count(*) ${pairs}`);
      near(n(`SELECT count(*) ${pairs} AND a.end_date < date(b.start_date, '-1 day') AND a.start_date < date(b.start_date, '-1 day')`), MESSINESS.gap, changes);
      near(n(`SELECT count(*) ${pairs} AND a.end_date >= b.start_date`), MESSINESS.overlap, changes);
      // Decisions: rejections before the grant, subsidiary protection upgraded to refugee.
      const granted = n("SELECT count(DISTINCT person_id) FROM protection_decision WHERE status IN ('REFUGEE', 'SUBSIDIARY')");
      const appealed = n(`SELECT count(DISTINCT g.person_id) FROM protection_decision g JOIN protection_decision r ON r.person_id = g.person_id
        AND r.status = 'REJECTED' AND r.decision_date < g.decision_date WHERE g.status IN ('REFUGEE', 'SUBSIDIARY')`);
      expect(appealed / granted).toBeGreaterThan(MESSINESS.rejectionBeforeGrant * 0.7);
      expect(appealed / granted).toBeLessThan(MESSINESS.rejectionBeforeGrant * 1.1);
      expect(n(`SELECT count(*) FROM protection_decision s JOIN protection_decision r ON r.person_id = s.person_id AND s.status = 'SUBSIDIARY'
        AND r.status = 'REFUGEE' AND r.decision_date > s.decision_date`)).toBeGreaterThan(0);
      // Moves on the decision day; no residence on the decision day.
      const first = `SELECT person_id, MIN(decision_date) AS d FROM protection_decision WHERE status IN ('REFUGEE', 'SUBSIDIARY') GROUP BY person_id`;
      const onDay = n(`SELECT count(*) FROM (${first}) g JOIN residence m ON m.person_id = g.person_id AND m.start_date = g.d AND m.kind = 'MAIN'
        JOIN residence w ON w.person_id = g.person_id AND w.kind = 'WAITING_REGISTER' AND w.end_date = date(g.d, '-1 day') AND w.nis_code <> m.nis_code`);
      expect(onDay).toBeGreaterThan(0.01 * granted);
      const withoutResidence = n(`SELECT count(*) FROM (${first}) g WHERE NOT EXISTS (SELECT 1 FROM residence r WHERE r.person_id = g.person_id
        AND r.start_date <= g.d AND (r.end_date IS NULL OR r.end_date >= g.d))`);
      near(withoutResidence, MESSINESS.noResidenceAtDecision, granted);
      // Deaths without a DECEASED record, DECEASED records without a death date, records after the death.
      expect(n("SELECT count(*) FROM person p WHERE death_date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM residence r WHERE r.person_id = p.person_id AND r.kind = 'DECEASED')")).toBeGreaterThan(0);
      expect(n(`SELECT count(*) FROM person p JOIN residence r ON r.person_id = p.person_id AND r.start_date > COALESCE(p.death_date,
        (SELECT MIN(start_date) FROM residence x WHERE x.person_id = p.person_id AND x.kind = 'DECEASED'))`)).toBeGreaterThan(0);
      // Ex-officio removal followed by a new registration.
      expect(n("SELECT count(DISTINCT a.person_id) FROM residence a JOIN residence b ON b.person_id = a.person_id AND a.kind = 'RADIATED' AND b.kind = 'MAIN' AND b.start_date > a.start_date")).toBeGreaterThan(0);
    });

    it('records NIS codes as valid at the time (all 2014-vintage for the 2018 reference date)', () => {
      const rows = db.prepare('SELECT nis_code, start_date FROM residence WHERE nis_code IS NOT NULL').raw().all() as [string, string][];
      expect(rows.filter(([code, date]) => !isValidOn(code, date))).toEqual([]);
      expect(rows.filter(([code]) => !isValidInVintage(code, '2014'))).toEqual([]);
      const late = db.prepare("SELECT count(*) FROM residence WHERE start_date > '2018-01-27' OR end_date > '2018-01-27'").pluck().get();
      expect(late).toBe(0);
      expect(db.prepare('SELECT count(*) FROM residence WHERE end_date < start_date').pluck().get()).toBe(0);
    });

    it('gives KBI records only to persons who lived in Flanders or Brussels', () => {
      const walloniaOnly = db
        .prepare(
          `SELECT count(*) FROM kbi_person k WHERE NOT EXISTS (SELECT 1 FROM residence r WHERE r.person_id = k.person_id
             AND r.kind = 'MAIN' AND (substr(r.nis_code, 1, 1) IN ('1', '3', '4', '7') OR substr(r.nis_code, 1, 2) IN ('21', '23', '24')))`,
        )
        .pluck()
        .get();
      expect(walloniaOnly).toBe(0);
      const types = db.prepare('SELECT DISTINCT type FROM kbi_component ORDER BY 1').pluck().all();
      expect(types).toEqual(['LO', 'MO', 'NT2', 'TB']);
      expect(db.prepare('SELECT count(*) FROM kbi_component WHERE trajectory_id IS NULL').pluck().get()).toBeGreaterThan(0);
    });
  });

  it('with a later reference date, records after 2019 carry the new codes', () => {
    const file = path.join(tmp(), 'late.db');
    writeSyntheticExtract(file, PASS, { preset: 'sqlcipher4' }, { persons: 4000, seed: 5, referenceDate: '2021-06-30' });
    const db = openExtract(file);
    const rows = db.prepare('SELECT nis_code, start_date FROM residence WHERE nis_code IS NOT NULL').raw().all() as [string, string][];
    db.close();
    expect(rows.filter(([code, date]) => !isValidOn(code, date))).toEqual([]);
    const after2019 = rows.filter(([, date]) => date >= '2019-01-01').map(([code]) => code);
    expect(after2019.length).toBeGreaterThan(100);
    expect(after2019.some((code) => !isValidInVintage(code, '2014'))).toBe(true);
  });
});
