import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { StringDecoder } from 'node:string_decoder';
import { scanFile } from './text-encoding';

export interface CsvRecordHandler {
  /** The header row (line 1). */
  header(fields: string[]): void;
  /** A data row; `line` is the physical line where the row starts (quoted fields may span lines). */
  record(fields: string[], line: number): void;
  /** Bytes read from the file so far (for progress). */
  bytes(read: number): void;
}

export interface CsvReadResult {
  encoding: 'utf8' | 'cp1252';
  delimiter: ';' | ',';
  /** A structural error that stopped reading, with its line. */
  syntaxErrorLine: number | null;
  empty: boolean;
  /** Not a text file at all (nothing was parsed). */
  binary?: boolean;
}

/** `;` or `,`: whichever occurs more often in the first line (the header). */
export function sniffDelimiter(file: string): ';' | ',' {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('latin1');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const count = (ch: string) => firstLine.split(ch).length - 1;
    return count(';') > count(',') ? ';' : ',';
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams one CSV file through csv-parse, calling the handler synchronously per row (so
 * the caller can insert inside its transaction). Memory does not grow with file size.
 */
export async function readCsv(file: string, handler: CsvRecordHandler): Promise<CsvReadResult> {
  const { encoding, hasQuote, binary } = await scanFile(file);
  const delimiter = sniffDelimiter(file);
  if (binary) return { encoding, delimiter, syntaxErrorLine: null, empty: true, binary: true };
  // A file without a single quote character has no quoted fields: every line is a row and
  // every delimiter separates fields, so plain splitting gives exactly what csv-parse would, faster.
  if (!hasQuote) return readUnquoted(file, encoding, delimiter, handler);
  const parser = parse({ delimiter, relax_column_count: true, bom: true, skip_empty_lines: false });
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    handler.bytes(read);
  });
  let nextLine = 1;
  let headerSeen = false;
  let syntaxErrorLine: number | null = null;

  await new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      let fields: string[] | null;
      while ((fields = parser.read() as string[] | null) !== null) {
        const line = nextLine;
        let extra = 0;
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          if (f.length > 0 && f.indexOf('\n') !== -1) extra += f.split('\n').length - 1;
        }
        nextLine += 1 + extra;
        if (fields.length === 1 && fields[0] === '') continue; // empty line
        if (!headerSeen) {
          headerSeen = true;
          handler.header(fields);
        } else handler.record(fields, line);
      }
    });
    parser.on('end', resolve);
    parser.on('error', (err: Error & { lines?: number }) => {
      syntaxErrorLine = err.lines ?? nextLine;
      input.destroy();
      resolve();
    });
    input.on('error', reject);
    if (encoding === 'cp1252') input.pipe(iconv.decodeStream('win1252')).pipe(parser);
    else input.pipe(parser);
  });
  return { encoding, delimiter, syntaxErrorLine, empty: !headerSeen };
}

/** The fast path for files without quotes: split lines, then fields. */
async function readUnquoted(file: string, encoding: 'utf8' | 'cp1252', delimiter: ';' | ',', handler: CsvRecordHandler): Promise<CsvReadResult> {
  const decoder = encoding === 'utf8' ? new StringDecoder('utf8') : null;
  let rest = '';
  let line = 0;
  let headerSeen = false;
  let read = 0;
  const take = (text: string) => {
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      let row = text.slice(start, nl);
      start = nl + 1;
      line++;
      if (row.endsWith('\r')) row = row.slice(0, -1);
      if (line === 1 && row.charCodeAt(0) === 0xfeff) row = row.slice(1);
      if (row === '') continue;
      const fields = row.split(delimiter);
      if (!headerSeen) {
        headerSeen = true;
        handler.header(fields);
      } else handler.record(fields, line);
    }
    return text.slice(start);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    read += (chunk as Buffer).length;
    const text = decoder ? decoder.write(chunk as Buffer) : iconv.decode(chunk as Buffer, 'win1252');
    rest = take(rest + text);
    handler.bytes(read);
  }
  if (decoder) rest += decoder.end();
  if (rest !== '') take(rest + '\n');
  return { encoding, delimiter, syntaxErrorLine: null, empty: !headerSeen };
}
