import type { Database } from 'better-sqlite3-multiple-ciphers';

/** One numbered, forward-only schema change of the workspace. Runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
