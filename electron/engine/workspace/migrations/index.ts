import type { Migration } from './migration';
import { migration0001 } from './0001-init';
import { migration0002 } from './0002-export-snapshot';
import { migration0003 } from './0003-release-ledger';
import { migration0004 } from './0004-person-keys';
import { migration0005 } from './0005-index-cache-key';
import { migration0006 } from './0006-cohort-id';

/** All workspace migrations, in order. Add new ones at the end; never edit an applied one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];
