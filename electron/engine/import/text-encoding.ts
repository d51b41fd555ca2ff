import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

export interface FileScan {
  /** UTF-8 (with or without BOM) when every byte sequence is valid UTF-8, otherwise Windows-1252. */
  encoding: 'utf8' | 'cp1252';
  /** Whether the file contains a double quote anywhere (unknown → true). */
  hasQuote: boolean;
  /** Binary data, not text: a NUL byte, or many control characters, in the first block. */
  binary: boolean;
}

/** A text file has no NUL and few control characters other than tab, CR, LF (and Ctrl-Z at the end). */
export function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 26) control++;
  }
  return head.length > 0 && control / head.length > 0.02;
}

/**
 * One streaming pass over a CSV file before it is parsed: its encoding (Excel's "CSV" on a
 * Belgian Windows is Windows-1252) and whether it has any quoted field at all. Stops at the
 * first invalid UTF-8 sequence.
 */
export async function scanFile(file: string): Promise<FileScan> {
  let carry: Buffer = Buffer.alloc(0);
  let hasQuote = false;
  let first = true;
  for await (const raw of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const chunk: Buffer = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    if (first && looksBinary(chunk.subarray(0, 64 * 1024))) return { encoding: 'cp1252', hasQuote: true, binary: true };
    first = false;
    const cut = completeLength(chunk);
    if (!isUtf8(chunk.subarray(0, cut))) return { encoding: 'cp1252', hasQuote: true, binary: false };
    if (!hasQuote && chunk.indexOf(0x22) !== -1) hasQuote = true;
    carry = Buffer.from(chunk.subarray(cut));
  }
  return carry.length === 0 ? { encoding: 'utf8', hasQuote, binary: false } : { encoding: 'cp1252', hasQuote: true, binary: false };
}

/** Length of the prefix that does not end inside a multi-byte UTF-8 sequence. */
function completeLength(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0x80) return n;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return back >= need ? n : n - back;
  }
  return n;
}
