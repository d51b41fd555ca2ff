import { randomFillSync } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import type { OpenSession } from '../core/open-session';
import { sessionIndex } from '../cohort/session-index';

const CACHE_KEY = 'person-keys';

/**
 * The secret perturbation key of every person of an extract, by person index of the
 * columnar index. The index is the person's position in the person table's rowid order of
 * the read-only extract, so it names the same person on every open of the same
 * (fingerprinted) file. The keys are made once, from a CSPRNG, and stored in the encrypted
 * workspace (table person_key, migration 0004) under the extract's fingerprint: the same
 * persons keep their keys, and so their perturbed values, for good. A re-delivered extract
 * with the same id but other content gets keys of its own (its indexes may name others).
 */
export function loadOrCreatePersonKeys(ws: Database, fingerprint: string, persons: number): Uint32Array {
  const row = ws.prepare('SELECT persons, keys FROM person_key WHERE fingerprint = ?').get(fingerprint) as { persons: number; keys: Buffer } | undefined;
  if (row) {
    if (row.persons !== persons || row.keys.length !== persons * 4) throw new AppError('WORKSPACE_ERROR', { reason: 'perturbation keys do not match the extract' });
    // Copy into an aligned array of our own (the BLOB's buffer may be shared or unaligned).
    const keys = new Uint32Array(persons);
    new Uint8Array(keys.buffer).set(row.keys);
    row.keys.fill(0);
    return keys;
  }
  const keys = randomFillSync(new Uint32Array(persons));
  const blob = Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength);
  // INSERT OR IGNORE + re-read: should two sessions race, both end with the one stored set.
  ws.prepare('INSERT OR IGNORE INTO person_key (fingerprint, persons, keys, created_at) VALUES (?, ?, ?, ?)').run(fingerprint, persons, blob, new Date().toISOString());
  const stored = ws.prepare('SELECT keys FROM person_key WHERE fingerprint = ?').pluck().get(fingerprint) as Buffer;
  if (!stored.equals(blob)) {
    keys.fill(0);
    return loadOrCreatePersonKeys(ws, fingerprint, persons);
  }
  return keys;
}

/** The session's person keys: read (or made) on first use, then kept in memory with the session. */
export function sessionPersonKeys(session: OpenSession): Uint32Array {
  const hit = session.cache.get(CACHE_KEY) as Uint32Array | undefined;
  if (hit) return hit;
  const ix = sessionIndex(session);
  const keys = loadOrCreatePersonKeys(session.workspace, session.summary.fingerprint, ix.persons);
  session.cache.set(CACHE_KEY, keys);
  return keys;
}
