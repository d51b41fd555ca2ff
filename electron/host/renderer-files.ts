import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { securityHeaders } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeOf = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps a URL path on the app origin to a file under the renderer folder, or null when it
 * would leave that folder (`..`, encoded `%2e%2e`, backslashes, NUL, absolute paths).
 * "/" and any path without an extension serve index.html (the renderer is a single page).
 */
export function resolveRendererFile(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || /^[a-zA-Z]:/.test(s))) return null;
  const relative = segments.length === 0 || path.extname(segments[segments.length - 1]!) === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export interface ServedFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Reads the file a renderer URL names, with the content type and security headers (CSP on HTML). */
export async function serveRendererFile(
  rendererDir: string,
  url: string,
  read: (file: string) => Promise<Buffer> = (f) => readFile(f),
): Promise<ServedFile> {
  const file = resolveRendererFile(rendererDir, new URL(url).pathname);
  if (!file) return { status: 403, headers: securityHeaders(false), body: Buffer.alloc(0) };
  try {
    const body = await read(file);
    const type = mimeTypeOf(file);
    return { status: 200, headers: { 'Content-Type': type, ...securityHeaders(type.startsWith('text/html')) }, body };
  } catch {
    return { status: 404, headers: securityHeaders(false), body: Buffer.alloc(0) };
  }
}
