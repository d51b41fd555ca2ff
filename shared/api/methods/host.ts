import { z } from 'zod';
import { method } from '../method';

const Filter = z.object({ name: z.string().max(80), extensions: z.array(z.string().max(16)).max(10) });

/**
 * Methods answered by the host process (Electron main, or the Chromium shell), not by
 * the engine: native dialogs and the clipboard. They return null when the user cancels
 * or when the host has no such dialog (the UI then keeps its path field).
 */
export const hostMethods = {
  'dialog.openFile': method(
    z.object({ title: z.string().max(200), filters: z.array(Filter).max(5).default([]) }).strict(),
    z.object({ path: z.string().nullable() }),
    { host: true },
  ),
  'dialog.openFolder': method(z.object({ title: z.string().max(200) }).strict(), z.object({ path: z.string().nullable() }), {
    host: true,
  }),
  'dialog.saveFile': method(
    z.object({ title: z.string().max(200), defaultName: z.string().max(255), filters: z.array(Filter).max(5).default([]) }).strict(),
    z.object({ path: z.string().nullable() }),
    { host: true },
  ),
} as const;
