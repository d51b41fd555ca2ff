import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/**
 * Which encoding a CSV file is in: UTF-8 (with or without BOM) when every byte sequence is
 * valid UTF-8, otherwise Windows-1252 (Excel's "CSV" on a Belgian Windows). The scan
 * streams and stops at the first invalid sequence.
 */
export async function detectEncoding(file: string): Promise<'utf8' | 'cp1252'> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const raw of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const chunk: Buffer = carry.length ? Buffer.concat([carry, raw as Buffer]) : (raw as Buffer);
    const cut = completeLength(chunk);
    if (!isUtf8(chunk.subarray(0, cut))) return 'cp1252';
    carry = Buffer.from(chunk.subarray(cut));
  }
  return carry.length === 0 ? 'utf8' : 'cp1252';
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
