import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import * as nodeCrypto from 'node:crypto';
import type { ConcreteCipher } from '../../extract/cipher';
import { DirectReadNotSupported } from './not-supported';

/**
 * SQLCipher's page format, as SQLite3MultipleCiphers writes and reads it in legacy mode
 * (src/cipher_sqlcipher.c; the same as SQLCipher's crypto_impl.c):
 * - the file's first 16 bytes are the KDF salt; page 1 is encrypted from offset 16 and the
 *   SQLite header's first 16 bytes ("SQLite format 3\0") are implicit;
 * - every page ends in `reserve` bytes: a 16-byte IV, then the HMAC (then padding to the
 *   AES block); the rest of the page (page 1: from offset 16) is AES-256-CBC under that IV;
 * - the HMAC covers ciphertext + IV + the page number as 4 bytes little endian;
 * - key = PBKDF2(passphrase, salt, kdfIter, 32), HMAC key = PBKDF2(key, salt XOR 0x3a, 2, 32),
 *   both with the preset's hash.
 */
export interface PageFormat {
  pageSize: number;
  reserve: number;
  hmacSize: number;
  hmacAlg: 'sha512' | 'sha1';
}

interface Preset extends PageFormat {
  kdfIter: number;
}

const PRESETS: Record<'sqlcipher4' | 'sqlcipher3', Preset> = {
  sqlcipher4: { pageSize: 4096, reserve: 80, hmacSize: 64, hmacAlg: 'sha512', kdfIter: 256_000 },
  // SHA-1 HMAC is 20 bytes; IV + HMAC = 36 rounded up to the AES block: 48.
  sqlcipher3: { pageSize: 1024, reserve: 48, hmacSize: 20, hmacAlg: 'sha1', kdfIter: 64_000 },
};

/** The keys and format of one file. The caller wipes `key` and `hmacKey` (fill(0)) when done. */
export interface DirectKeys {
  format: PageFormat;
  key: Buffer;
  hmacKey: Buffer;
  /** Pages in the file (whole pages only). */
  pages: number;
}

const SALT_MASK = 0x3a;

/**
 * Derives the page keys with async PBKDF2 (a thread-pool thread, so it overlaps the rest of
 * the open), then checks them on page 1 and checks the header for what the direct reader
 * supports. Rejects with DirectReadNotSupported for anything else (custom cipher settings,
 * a raw-key passphrase, WAL, another page size or encoding...).
 */
export async function deriveDirectKeys(file: string, passphrase: Buffer, cipher: ConcreteCipher): Promise<DirectKeys> {
  if (cipher.preset !== 'sqlcipher4' && cipher.preset !== 'sqlcipher3') throw new DirectReadNotSupported('cipher preset');
  // "x'…'" is taken as a raw key (hex) by SQLite3MultipleCiphers, not as a passphrase.
  if (passphrase.length >= 2 && (passphrase[0] === 0x78 || passphrase[0] === 0x58) && passphrase[1] === 0x27) throw new DirectReadNotSupported('raw key');
  for (const sidecar of ['-wal', '-journal']) {
    if (existsSync(file + sidecar) && statSync(file + sidecar).size > 0) throw new DirectReadNotSupported('sidecar file');
  }
  const preset = PRESETS[cipher.preset];
  const size = statSync(file).size;
  if (size % preset.pageSize !== 0 || size < preset.pageSize) throw new DirectReadNotSupported('file size');
  const page1 = Buffer.alloc(preset.pageSize);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, page1, 0, preset.pageSize, 0) !== preset.pageSize) throw new DirectReadNotSupported('short read');
  } finally {
    closeSync(fd);
  }
  const salt = page1.subarray(0, 16);
  const hmacSalt = Buffer.from(salt.map((b) => b ^ SALT_MASK));
  const pass = Buffer.from(passphrase); // pbkdf2 runs later on another thread: its own copy, wiped below
  let key: Buffer | undefined;
  try {
    key = await pbkdf2(pass, salt, preset.kdfIter, preset.hmacAlg);
  } finally {
    pass.fill(0);
  }
  const hmacKey = await pbkdf2(key, hmacSalt, 2, preset.hmacAlg);
  const format: PageFormat = { pageSize: preset.pageSize, reserve: preset.reserve, hmacSize: preset.hmacSize, hmacAlg: preset.hmacAlg };
  try {
    const crypto = pageCryptoModule(nodeCrypto);
    // Page 1 with our keys: if SQLite accepted the file but this fails, the file is not in
    // the format assumed here (the SQLite path decides).
    if (!crypto.verifyPage(page1, 0, 1, format, hmacKey, 16)) throw new DirectReadNotSupported('page 1 authentication');
    const header = crypto.decryptPage1(page1, format, key);
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    if (pageSize !== preset.pageSize) throw new DirectReadNotSupported('page size');
    if (header[18] !== 1 || header[19] !== 1) throw new DirectReadNotSupported('journal mode'); // 2 = WAL
    if (header[20] !== preset.reserve) throw new DirectReadNotSupported('reserve bytes');
    if (header.readUInt32BE(56) !== 1) throw new DirectReadNotSupported('text encoding'); // 1 = UTF-8
    header.fill(0);
    return { format, key, hmacKey, pages: size / preset.pageSize };
  } catch (err) {
    key.fill(0);
    hmacKey.fill(0);
    throw err;
  }
}

function pbkdf2(pass: Buffer, salt: Buffer, iter: number, digest: string): Promise<Buffer> {
  return new Promise((resolve, reject) => nodeCrypto.pbkdf2(pass, salt, iter, 32, digest, (err, out) => (err ? reject(err) : resolve(out))));
}

/**
 * Page crypto, self-contained (no imports, no outer references) so the direct-read worker
 * can run this very function's source: called with node:crypto.
 */
export function pageCryptoModule(crypto: typeof nodeCrypto) {
  const ZERO_IV = Buffer.alloc(16);
  const SLICE = 65536;

  /** Scratch for one page's authenticated bytes: ciphertext + IV + page number (one update, no views). */
  let scratch = Buffer.alloc(0);

  /** HMAC check of the page at `at` in `raw`, timing-safe (no early exit). `from` is 16 for page 1, else 0. */
  function verifyPage(raw: Buffer, at: number, page: number, f: PageFormat, hmacKey: Buffer, from = 0): boolean {
    const n = f.pageSize - f.reserve;
    const len = n + 16 - from;
    if (scratch.length !== len + 4) scratch = Buffer.alloc(len + 4);
    raw.copy(scratch, 0, at + from, at + n + 16);
    scratch.writeUInt32LE(page, len);
    const mac = crypto.createHmac(f.hmacAlg, hmacKey).update(scratch).digest();
    let diff = 0;
    const stored = at + n + 16;
    for (let i = 0; i < f.hmacSize; i++) diff |= mac[i] ^ raw[stored + i];
    return diff === 0;
  }

  /** Page 1's plaintext (bytes 0–15 left as they are: the salt, not needed). */
  function decryptPage1(raw: Buffer, f: PageFormat, key: Buffer): Buffer {
    const n = f.pageSize - f.reserve;
    const d = crypto.createDecipheriv('aes-256-cbc', key, raw.subarray(n, n + 16));
    d.setAutoPadding(false);
    const out = Buffer.alloc(f.pageSize);
    d.update(raw.subarray(16, n)).copy(out, 16);
    return out;
  }

  /**
   * Decrypts whole pages laid end to end in `raw` (read from anywhere in the file) in one
   * CBC pass: OpenSSL's speed, no per-page cipher set-up. Every block but the first of each
   * page is then right; the first block of a page was chained to the 16 bytes before it
   * instead of the page's IV, which one XOR undoes. The caller has verified the HMACs.
   */
  let plainBuffer = Buffer.alloc(0);

  /**
   * The result is a buffer reused by the next call (wipe() when done). Decrypted in slices
   * of 64 KiB: OpenSSL's output for each comes from the allocator's free lists instead of
   * fresh pages (on this VM a page fault costs more than copying the page).
   */
  function decryptRun(raw: Buffer, f: PageFormat, key: Buffer): Buffer {
    const d = crypto.createDecipheriv('aes-256-cbc', key, ZERO_IV);
    d.setAutoPadding(false);
    if (plainBuffer.length < raw.length) plainBuffer = Buffer.alloc(raw.length);
    const plain = plainBuffer.subarray(0, raw.length);
    for (let at = 0; at < raw.length; at += SLICE) {
      const out = d.update(raw.subarray(at, Math.min(raw.length, at + SLICE)));
      out.copy(plain, at);
      out.fill(0);
    }
    const n = f.pageSize - f.reserve;
    for (let at = 0; at < raw.length; at += f.pageSize) {
      for (let b = 0; b < 16; b++) plain[at + b] ^= raw[at + n + b] ^ (at > 0 ? raw[at - 16 + b] : 0);
    }
    return plain;
  }

  /** Overwrites the reused plaintext buffer. */
  const wipe = (): void => {
    plainBuffer.fill(0);
  };

  return { verifyPage, decryptPage1, decryptRun, wipe };
}
