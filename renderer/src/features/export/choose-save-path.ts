import { settle, verhuis } from '../../api/verhuis';

/** The outcome of asking the host for a target file: a path, a path field to show instead, or cancelled. */
export type SaveChoice = { kind: 'path'; path: string } | { kind: 'prompt' } | { kind: 'cancelled' };

/** Opens the host's save dialog; where there is none (the Chromium shell) the caller shows its path field. */
export async function chooseSavePath(title: string, defaultName: string, filter: { name: string; extensions: string[] }): Promise<SaveChoice> {
  const r = await settle(() => verhuis().dialog.saveFile({ title, defaultName, filters: [filter] }));
  if (!r.ok) return { kind: 'prompt' };
  if (r.value.path) return { kind: 'path', path: r.value.path };
  return r.value.noDialog ? { kind: 'prompt' } : { kind: 'cancelled' };
}
