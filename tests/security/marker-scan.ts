import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Looks for marker strings (a synthetic person id, a passphrase) in files and text, in
 * the encodings a leak would take: UTF-8 text, UTF-16 (LE and BE, as Windows tools and
 * some SQLite text encodings write it) and hex of the UTF-8 bytes (either case, as in
 * `x'…'` keys or hex dumps).
 */
export interface MarkerHit {
  where: string;
  marker: string;
  encoding: 'utf8' | 'utf16le' | 'utf16be' | 'hex';
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

function encodings(marker: string): [MarkerHit['encoding'], Buffer][] {
  const hex = Buffer.from(marker, 'utf8').toString('hex');
  return [
    ['utf8', Buffer.from(marker, 'utf8')],
    ['utf16le', Buffer.from(marker, 'utf16le')],
    ['utf16be', utf16be(marker)],
    ['hex', Buffer.from(hex, 'latin1')],
    ['hex', Buffer.from(hex.toUpperCase(), 'latin1')],
  ];
}

export function scanBuffer(where: string, data: Buffer, markers: readonly string[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const marker of markers) {
    for (const [encoding, needle] of encodings(marker)) {
      if (data.indexOf(needle) !== -1 && !hits.some((h) => h.marker === marker && h.encoding === encoding)) {
        hits.push({ where, marker, encoding });
      }
    }
  }
  return hits;
}

/** Every regular file under root (symlinks are not followed). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

/** Scans every file under root; file names count too (a marker in a path is a leak). */
export function scanTree(root: string, markers: readonly string[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const file of listFiles(root)) {
    const rel = path.relative(root, file);
    hits.push(...scanBuffer(`name:${rel}`, Buffer.from(rel, 'utf8'), markers));
    hits.push(...scanBuffer(rel, readFileSync(file), markers));
  }
  return hits;
}
