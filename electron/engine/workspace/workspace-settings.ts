import type { Database } from 'better-sqlite3-multiple-ciphers';

/** Per-extract settings in the workspace (e.g. the last matrix definition). Values are JSON text. */
export function getWorkspaceSetting<T>(ws: Database, key: string): T | undefined {
  const raw = ws.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}

export function setWorkspaceSetting(ws: Database, key: string, value: unknown): void {
  ws.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
