import { contract, type ParsedRequestOf, type ResponseOf } from '../../shared/api/contract';
import { errorMessage, type ErrorCode } from '../../shared/api/errors';
import type { ApiError } from '../../shared/api/result';
import type { ReasonCounts } from '../../shared/disclosure/protection';
import type { EngineClient } from '../engine-host/engine-client';
import type { HostMethodName } from '../../shared/api/methods/host';
import { writeRecipeFile } from './recipe-file';

/** Methods the host answers itself (dialogs, clipboard, recipe files); see shared/api/methods/host.ts. */
export type { HostMethodName };

/** What a host handler may use besides its request: the engine, for methods that release data through it. */
export interface HostContext {
  engine: Pick<EngineClient, 'call'>;
}

export type HostHandlers = {
  [M in HostMethodName]: (request: ParsedRequestOf<M>, context: HostContext) => Promise<ResponseOf<M>>;
};

/** An expected refusal from a host handler (an engine error, nothing to copy to): the relay returns it as is. */
export class HostFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

const failure = (code: ErrorCode, params: Record<string, string | number> = {}) => new HostFailure({ code, message: errorMessage(code, params) });

/** The three file dialogs, as a host offers them. */
export type HostDialogs = Pick<HostHandlers, 'dialog.openFile' | 'dialog.openFolder' | 'dialog.saveFile'>;

/** Where the protected clipboard text goes: Electron's clipboard, or the Chromium shell's page. */
export interface ClipboardSink {
  writeText(text: string): void | Promise<void>;
}

/** Dialogs of a host without native ones (the Chromium shell): "no path, no dialog", the UI shows its path field. */
export const noDialogs: HostDialogs = {
  'dialog.openFile': async () => ({ path: null, noDialog: true }),
  'dialog.openFolder': async () => ({ path: null, noDialog: true }),
  'dialog.saveFile': async () => ({ path: null, noDialog: true }),
};

async function engineValue<M extends 'export.clipboard' | 'export.crosstabClipboard' | 'cohort.exportRecipe'>(ctx: HostContext, method: M, request: ParsedRequestOf<M>): Promise<ResponseOf<M>> {
  const result = await ctx.engine.call(method, request);
  if (!result.ok) throw new HostFailure(result.error);
  const parsed = contract[method].response.safeParse(result.value);
  if (!parsed.success) throw failure('INTERNAL');
  return parsed.data as ResponseOf<M>;
}

/**
 * The host methods of a host: its dialogs, its clipboard (null: none), and the two methods that
 * take their content from the engine, never from the renderer: the protected clipboard text
 * (`export.clipboard`, which runs disclosure control and writes the audit entry) and recipe files.
 */
export function createHostHandlers(options: { dialogs: HostDialogs; clipboard: ClipboardSink | null }): HostHandlers {
  const { clipboard } = options;
  return {
    ...options.dialogs,
    'clipboard.copyMatrix': async (req, ctx) => {
      // Without a clipboard nothing is released (and nothing is logged as copied).
      if (!clipboard) throw failure('NOT_SUPPORTED', { what: 'clipboard' });
      return copied(clipboard, await engineValue(ctx, 'export.clipboard', req));
    },
    'clipboard.copyCrosstab': async (req, ctx) => {
      if (!clipboard) throw failure('NOT_SUPPORTED', { what: 'clipboard' });
      return copied(clipboard, await engineValue(ctx, 'export.crosstabClipboard', req));
    },
    'cohort.saveRecipeFile': async (req, ctx) => {
      const recipe = await engineValue(ctx, 'cohort.exportRecipe', { name: req.name });
      const written = writeRecipeFile(req.path, recipe.json);
      if (!written.ok) throw failure('WRITE_FAILED', { reason: written.reason });
      return { fileName: written.fileName };
    },
  };
}

/** Writes the engine's protected text; the renderer learns only the hash, the audit number and the counts. */
async function copied(clipboard: ClipboardSink, out: { text: string; sha256: string; auditSeq: number; counts: ReasonCounts }) {
  try {
    await clipboard.writeText(out.text);
  } catch {
    throw failure('WRITE_FAILED', { reason: 'clipboard' });
  }
  return { sha256: out.sha256, auditSeq: out.auditSeq, counts: out.counts };
}

/** The Chromium shell without a page clipboard, and the tests: no dialogs, no clipboard; recipes are written. */
export const noDialogHostHandlers: HostHandlers = createHostHandlers({ dialogs: noDialogs, clipboard: null });
