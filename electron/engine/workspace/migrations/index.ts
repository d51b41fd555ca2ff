import type { Migration } from './migration';
import { migration0001 } from './0001-init';
import { migration0002 } from './0002-export-snapshot';
import { migration0004 } from './0004-person-keys';

/**
 * All workspace migrations, in order. Add new ones at the end; never edit an applied one.
 * Version 3 is the release ledger (issue 10, on main); 0004 was numbered after it.
 */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0004];
