import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { open } from 'node:fs/promises';
import type { IndexColumns } from '../cohort/columnar-index';
import type { FilterBitsets } from '../cohort/filter-bitsets';

/**
 * The encrypted index cache file: the columns of the columnar index (IndexColumns), the
 * extract's SHA-256 and its table row counts, so a repeat open skips reading and decoding
 * the extract. AES-256-GCM with a key kept in the encrypted workspace (migration 0005):
 * nothing in the file is readable without the extract's passphrase, and any changed byte
 * fails the authentication tag, so a damaged or truncated file is discarded, never used.
 *
 * The base filter bitsets are stored too (building them costs more than decrypting them).
 *
 * Layout: 'VVIC' | format (u32) | extract identity (32) | IV (12) | tag (16) | ciphertext.
 * The first 40 bytes are authenticated too. Plaintext: meta length (u32) | meta JSON |
 * padding to 8 | the typed arrays, each at an 8-byte aligned offset.
 */
const MAGIC = Buffer.from('VVIC', 'latin1');
/** Bump when the index columns or their meaning change: older caches are then rebuilt. */
export const CACHE_FORMAT = 3;
const HEAD = 40;
const IV = 12;
const TAG = 16;
const PREFIX = HEAD + IV + TAG;
const CHUNK = 8 * 1024 * 1024;

type ArrayName = Exclude<keyof IndexColumns, 'persons' | 'referenceDay' | 'nationalities' | 'codes'>;
const ARRAY_TYPES = {
  status: Uint8Array,
  decisionDay: Int32Array,
  decisionYear: Int16Array,
  nationality: Uint16Array,
  sex: Uint8Array,
  ageAtDecision: Int16Array,
  deathDay: Int32Array,
  deathDateDay: Int32Array,
  resOffset: Uint32Array,
  resStart: Int32Array,
  resEnd: Int32Array,
  resLoc: Int16Array,
  locAtDecision: Int16Array,
  locAtReference: Int16Array,
} as const satisfies Record<ArrayName, unknown>;
const ARRAY_NAMES = Object.keys(ARRAY_TYPES) as ArrayName[];

/** The filter bitsets built at open (those of the extras are built when the extras are read). */
export type BaseBitsets = Pick<FilterBitsets, 'status' | 'sex' | 'nationality' | 'ageBand' | 'decisionYear'>;
const BITSET_LISTS = ['status', 'sex', 'nationality', 'ageBand'] as const;

export interface CachedIndex {
  columns: IndexColumns;
  bitsets: BaseBitsets;
  /** SHA-256 (hex) of the extract the columns were read from. */
  fingerprint: string;
  /** Row counts of every extract table. */
  tables: { name: string; rows: number }[];
}

export type CacheRead = { hit: CachedIndex } | { miss: 'absent' | 'stale' | 'damaged' };

interface Meta {
  fingerprint: string;
  tables: { name: string; rows: number }[];
  persons: number;
  referenceDay: number;
  nationalities: string[];
  codes: string[];
  /** Columns by name; bitsets as 'bitset:<list>:<position>' or 'bitset:decisionYear:<year>'. */
  arrays: { name: string; offset: number; length: number }[];
}

const align8 = (n: number) => (n + 7) & ~7;

function header(identity: Buffer): Buffer {
  const head = Buffer.alloc(HEAD);
  MAGIC.copy(head, 0);
  head.writeUInt32LE(CACHE_FORMAT, 4);
  identity.copy(head, 8, 0, 32);
  return head;
}

/**
 * Encrypts and writes the cache atomically (a temporary file, owner-only, renamed over the
 * old one), so a reader meets the old file or the new one. The encryption runs here (about
 * a tenth of a second per 100 MB); the write is asynchronous.
 */
export async function writeIndexCache(file: string, key: Buffer, identity: Buffer, cached: CachedIndex): Promise<void> {
  const { columns, bitsets } = cached;
  const entries: [string, ArrayBufferView & { length: number }][] = ARRAY_NAMES.map((name) => [name, columns[name]]);
  for (const list of BITSET_LISTS) bitsets[list].forEach((b, k) => entries.push([`bitset:${list}:${k}`, b]));
  for (const [year, b] of bitsets.decisionYear) entries.push([`bitset:decisionYear:${year}`, b]);
  const arrays: Meta['arrays'] = [];
  let at = 0;
  for (const [name, a] of entries) {
    arrays.push({ name, offset: at, length: a.length });
    at = align8(at + a.byteLength);
  }
  const meta: Meta = {
    fingerprint: cached.fingerprint,
    tables: cached.tables,
    persons: columns.persons,
    referenceDay: columns.referenceDay,
    nationalities: columns.nationalities,
    codes: columns.codes,
    arrays,
  };
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const metaBlock = Buffer.alloc(align8(4 + metaBytes.length));
  metaBlock.writeUInt32LE(metaBytes.length, 0);
  metaBytes.copy(metaBlock, 4);

  const head = header(identity);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(head);
  const parts: Buffer[] = [cipher.update(metaBlock)];
  for (const [k, { offset }] of arrays.entries()) {
    const a = entries[k][1];
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let k = 0; k < bytes.length; k += CHUNK) parts.push(cipher.update(bytes.subarray(k, Math.min(bytes.length, k + CHUNK))));
    const pad = align8(offset + a.byteLength) - (offset + a.byteLength);
    if (pad) parts.push(cipher.update(Buffer.alloc(pad)));
  }
  parts.push(cipher.final());
  const tag = cipher.getAuthTag();

  // Unique per write: two opens of the same extract may both be writing.
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  writing.add(path.resolve(tmp));
  try {
    removeStaleCacheTemps(file);
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writev([head, iv, tag, ...parts]);
      await fh.sync();
    } catch (err) {
      await fh.close();
      rmSync(tmp, { force: true });
      throw err;
    }
    await fh.close();
    renameSync(tmp, file);
  } finally {
    writing.delete(path.resolve(tmp));
  }
}

/** The temporary files this process is writing now (full paths): never stale. */
const writing = new Set<string>();
/** A temporary file untouched for this long belongs to no writer (a write takes seconds). */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes what a crashed write left (a kill between creating `<file>.<pid>-<hex>.tmp` and
 * renaming it): encrypted, so harmless, but useless and as large as the cache. Only names of
 * exactly that form beside `file` are considered, only regular files are removed, and only
 * when no live writer can own them: written by this process but not by a write still running
 * here (so the pid was an earlier process's, reused), or by a process that is no longer alive,
 * or untouched for an hour (a write takes seconds; a pid "alive" that long was reused by
 * another program). A write in progress, of this process or of another live instance on the
 * same data folder, is thus never touched.
 * Best effort: whatever cannot be listed or removed is tried again on the next open.
 */
export function removeStaleCacheTemps(file: string, now = Date.now()): string[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d{1,10})-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const full = path.join(dir, name);
    try {
      const st = lstatSync(full);
      if (!st.isFile()) continue;
      const pid = Number(m[1]);
      if (pid === process.pid && writing.has(path.resolve(full))) continue;
      const ownerGone = pid === process.pid || !processAlive(pid);
      if (!ownerGone && now - st.mtimeMs < STALE_TEMP_MS) continue;
      rmSync(full, { force: true });
      removed.push(full);
    } catch {
      // see above
    }
  }
  return removed;
}

function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

/**
 * Reads the cache when it belongs to this extract (same identity, same format) and its
 * tag verifies; a stale or damaged file is deleted (the caller rebuilds and writes a new one).
 */
export function readIndexCache(file: string, key: Buffer, identity: Buffer): CacheRead {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return { miss: 'absent' };
  }
  let result: CacheRead;
  try {
    result = readOpen(fd, key, identity);
  } catch {
    result = { miss: 'damaged' };
  } finally {
    closeSync(fd);
  }
  if ('miss' in result) discardIndexCache(file);
  return result;
}

/** Deletes the cache file (best effort: a file that cannot be deleted fails its identity or tag check next time anyway). */
export function discardIndexCache(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // see above
  }
}

function readOpen(fd: number, key: Buffer, identity: Buffer): CacheRead {
  const size = fstatSync(fd).size;
  if (size < PREFIX + 8) return { miss: 'damaged' };
  const prefix = Buffer.alloc(PREFIX);
  if (readSync(fd, prefix, 0, PREFIX, 0) !== PREFIX) return { miss: 'damaged' };
  const head = prefix.subarray(0, HEAD);
  if (!head.subarray(0, 4).equals(MAGIC)) return { miss: 'damaged' };
  if (head.readUInt32LE(4) !== CACHE_FORMAT || !head.subarray(8, 40).equals(identity)) return { miss: 'stale' };
  const decipher = createDecipheriv('aes-256-gcm', key, prefix.subarray(HEAD, HEAD + IV));
  decipher.setAAD(head);
  decipher.setAuthTag(prefix.subarray(HEAD + IV, PREFIX));
  // Decrypted chunk by chunk into one buffer (no second copy of the file in memory); the
  // typed arrays become views on it. Nothing is used before the tag has verified.
  const plain = new Uint8Array(size - PREFIX);
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, plain.length));
  let done = 0;
  while (done < plain.length) {
    const got = readSync(fd, chunk, 0, Math.min(chunk.length, plain.length - done), PREFIX + done);
    if (got <= 0) return { miss: 'damaged' };
    const out = decipher.update(chunk.subarray(0, got));
    plain.set(out, done);
    done += got;
  }
  decipher.final(); // throws on a wrong tag: damaged or not ours
  const view = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  const metaLength = view.readUInt32LE(0);
  const meta = JSON.parse(view.subarray(4, 4 + metaLength).toString('utf8')) as Meta;
  const base = align8(4 + metaLength);
  const columns = { persons: meta.persons, referenceDay: meta.referenceDay, nationalities: meta.nationalities, codes: meta.codes } as IndexColumns;
  const bitsets: BaseBitsets = { status: [], sex: [], nationality: [], ageBand: [], decisionYear: new Map() };
  for (const { name, offset, length } of meta.arrays) {
    const at = plain.byteOffset + base + offset;
    const [kind, list, key] = name.split(':');
    if (kind !== 'bitset') {
      const Type = ARRAY_TYPES[name as ArrayName];
      (columns as unknown as Record<string, unknown>)[name] = new Type(plain.buffer, at, length);
    } else if (list === 'decisionYear') bitsets.decisionYear.set(Number(key), new Uint32Array(plain.buffer, at, length));
    else bitsets[list as (typeof BITSET_LISTS)[number]][Number(key)] = new Uint32Array(plain.buffer, at, length);
  }
  if (ARRAY_NAMES.some((name) => !(columns[name] instanceof ARRAY_TYPES[name]))) return { miss: 'damaged' };
  return { hit: { columns, bitsets, fingerprint: meta.fingerprint, tables: meta.tables } };
}
