import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { ExtractTable } from '../../shared/extract/extract-schema';
import { makeTempDir } from '../support/temp-dirs';

/** A small, valid CSV folder written by hand, so each test can break one thing. */
export const VALID: Record<ExtractTable, string> = {
  extract_meta: `key,value
extract_id,test-1
source,Rijksregister+KBI
reference_date,2018-01-27
schema_version,1
`,
  person: `person_id,birth_year,birth_month,sex,nationality,death_date
P1,1990,5,M,SYR,
P2,2001,,F,AFG,
P3,1985,12,M,ERI,2017-06-01
`,
  asylum_application: `application_id,person_id,application_date
A1,P1,2015-09-01
A2,P2,2016-02-10
A3,P3,2015-10-12
`,
  protection_decision: `person_id,decision_date,status,application_id
P1,2016-03-01,REFUGEE,A1
P2,2016-12-01,SUBSIDIARY,A2
P3,2016-05-02,REFUGEE,
`,
  residence: `person_id,start_date,end_date,kind,nis_code,country_code
P1,2015-09-02,2016-02-29,WAITING_REGISTER,55022,
P1,2016-03-01,2016-09-30,MAIN,55022,
P1,2016-10-01,,MAIN,11002,
P2,2016-02-11,,WAITING_REGISTER,44029,
P3,2015-10-13,2017-05-31,MAIN,21004,
P3,2017-06-01,,DECEASED,,
`,
  kbi_person: `person_id,target_status,obligation_start
P1,OBLIGED,2016-10-15
`,
  kbi_trajectory: `trajectory_id,person_id,start_date,contract_date,attest_date,end_date,status
T1,P1,2016-11-01,2016-11-15,,,RUNNING
`,
  kbi_component: `component_id,trajectory_id,person_id,type,start_date,end_date,status,cefr_level
C1,T1,P1,NT2,2016-11-20,,RUNNING,
C2,,P1,MO,2016-11-20,2017-01-20,COMPLETED,
`,
};

export interface FolderOptions {
  delimiter?: ',' | ';';
  encoding?: 'utf8' | 'utf8-bom' | 'cp1252';
  eol?: '\n' | '\r\n';
}

/** Removed after the test file (see tests/support/temp-dirs.ts). */
export const tempDir = (prefix: string) => makeTempDir(prefix);

/** Writes the folder: VALID with `overrides`, converted to the delimiter, line ending and encoding asked. */
export function writeFolder(overrides: Partial<Record<ExtractTable, string>> = {}, opts: FolderOptions = {}): string {
  const dir = tempDir('vv-csv-');
  mkdirSync(dir, { recursive: true });
  for (const [table, text] of Object.entries({ ...VALID, ...overrides })) {
    let body = text;
    if (opts.delimiter === ';') body = body.replace(/,/g, ';');
    if (opts.eol === '\r\n') body = body.replace(/\r?\n/g, '\r\n');
    const bytes =
      opts.encoding === 'cp1252'
        ? iconv.encode(body, 'win1252')
        : Buffer.concat([opts.encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body, 'utf8')]);
    writeFileSync(path.join(dir, `${table}.csv`), bytes);
  }
  return dir;
}

/** Appends lines to one table of VALID. */
export const withRows = (table: ExtractTable, ...lines: string[]) => ({ [table]: VALID[table] + lines.map((l) => `${l}\n`).join('') });

export const listing = (dir: string) => readdirSync(dir).sort();
