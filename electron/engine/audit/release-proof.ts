import ExcelJS from 'exceljs';
import type { OutputDocument, TableWriter } from '../export/table-writer';
import { buildWorkbook } from '../export/xlsx-writer';
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './audit-log';

/**
 * The proof every released file carries, so the output checker can tie it to its audit entry:
 * the workspace id, the entry's sequence number, the SHA-256 of the entry and its chain hash
 * (SHA-256, or HMAC-SHA-256 under the site key). In an .xlsx it is the last row of the
 * Metadata sheet; in a CSV the last line. The entry records the SHA-256 of the content
 * without the proof (a CSV's bytes before the proof line, an .xlsx's cell values), which
 * `audit verify --export` recomputes.
 */
export const PROOF_LABEL = 'Verhuisverkenner proof';

export interface ReleaseProof {
  workspaceId: string;
  seq: number;
  entryHash: string;
  chainHash: string;
  alg: 'sha256' | 'hmac-sha256';
}

export const formatProof = (p: ReleaseProof): string =>
  `workspace=${p.workspaceId} seq=${p.seq} entry=${p.entryHash} chain=${p.chainHash} alg=${p.alg}`;

export function parseProof(text: string): ReleaseProof | null {
  const m = /^workspace=([0-9a-f-]{36}) seq=(\d{1,12}) entry=([0-9a-f]{64}) chain=([0-9a-f]{64}) alg=(sha256|hmac-sha256)$/.exec(text.trim());
  return m ? { workspaceId: m[1], seq: Number(m[2]), entryHash: m[3], chainHash: m[4], alg: m[5] as ReleaseProof['alg'] } : null;
}

type CellValue = string | number | boolean | null;

function plainValue(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return plainValue((v as { result: unknown }).result);
  return JSON.stringify(v);
}

/** SHA-256 of every sheet's name and cell values (row numbers kept), leaving out the proof row. */
export function workbookDigest(wb: ExcelJS.Workbook): string {
  const sheets: { name: string; rows: [number, CellValue[]][] }[] = [];
  wb.eachSheet((ws) => {
    const rows: [number, CellValue[]][] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map(plainValue);
      if (values[0] === PROOF_LABEL) return;
      while (values.length && values[values.length - 1] === null) values.pop();
      if (values.length) rows.push([n, values]);
    });
    sheets.push({ name: ws.name, rows });
  });
  return sha256Hex(canonicalJson(sheets));
}

const encoder = new TextEncoder();

/**
 * Writes a document with its proof. `seal` gets the content digest, records the audit entry's
 * place (see prepareAudit) and returns the proof, or null for outputs that cannot carry one
 * (the clipboard).
 */
export async function writeSealed(writer: TableWriter, doc: OutputDocument, seal: (digest: string) => ReleaseProof | null): Promise<{ bytes: Uint8Array; digest: string }> {
  if (writer.extension === 'xlsx') {
    const wb = buildWorkbook(doc);
    const digest = workbookDigest(wb);
    const proof = seal(digest);
    if (proof) {
      const meta = wb.getWorksheet(doc.metadata.sheet) ?? wb.worksheets[wb.worksheets.length - 1];
      meta.addRow([PROOF_LABEL, formatProof(proof)]).getCell(1).font = { bold: true };
    }
    return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), digest };
  }
  const body = await writer.write(doc);
  const digest = sha256Hex(body);
  const proof = seal(digest);
  if (!proof || writer.extension !== 'csv') return { bytes: body, digest };
  const trailer = encoder.encode(`${PROOF_LABEL};${formatProof(proof)}\r\n`);
  const bytes = new Uint8Array(body.length + trailer.length);
  bytes.set(body);
  bytes.set(trailer, body.length);
  return { bytes, digest };
}

export interface ReadProof {
  format: 'xlsx' | 'csv' | 'unknown';
  proof: ReleaseProof | null;
  /** The content digest as the entry records it. */
  digest: string | null;
}

/** Reads a released file's proof and recomputes its content digest. */
export async function readReleasedFile(bytes: Uint8Array): Promise<ReadProof> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      return { format: 'unknown', proof: null, digest: null };
    }
    let proof: ReleaseProof | null = null;
    wb.eachSheet((ws) =>
      ws.eachRow((row) => {
        const v = row.values as unknown[];
        if (plainValue(v[1]) === PROOF_LABEL) proof = parseProof(String(plainValue(v[2]) ?? ''));
      }),
    );
    return { format: 'xlsx', proof, digest: workbookDigest(wb) };
  }
  // CSV: the proof is the last line; the digest covers every byte before it.
  const text = Buffer.from(bytes).toString('latin1');
  const marker = `\r\n${PROOF_LABEL};`;
  const at = text.lastIndexOf(marker);
  if (at < 0) return { format: 'csv', proof: null, digest: sha256Hex(bytes) };
  const proofLine = text.slice(at + marker.length).replace(/\r\n$/, '');
  const body = bytes.subarray(0, at + 2);
  return { format: 'csv', proof: parseProof(proofLine), digest: sha256Hex(body) };
}
