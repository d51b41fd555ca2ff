import type { ClipboardSink } from '../host/host-handlers';

/** The shell's clipboard: the page's system clipboard, plus the last text kept for the tests and the report. */
export interface ShellClipboard extends ClipboardSink {
  /** The last protected text the host put on the clipboard, or null. */
  lastText(): string | null;
}

/**
 * Writes the engine's protected text to the clipboard through the page (`navigator.clipboard`,
 * with clipboard-write granted to the app origin only). The text comes from the host, never
 * from the renderer. A failed write is reported (the UI then says it could not copy).
 */
export function shellClipboard(writeInPage: (text: string) => Promise<void>): ShellClipboard {
  let last: string | null = null;
  return {
    async writeText(text) {
      await writeInPage(text);
      last = text;
    },
    lastText: () => last,
  };
}
