/**
 * The browser's own copy (Ctrl+C, the context menu) of on-screen tables is blocked: the grids
 * show counts before disclosure control, so a copied cell would bypass it. Tables leave the app
 * only through the export and "copy (protected)" buttons. Text fields keep normal copy and paste.
 */

/** Elements whose content must not be copied carry this attribute (matrix, fiche and browse grids). */
export const COPY_GUARD_ATTR = 'data-copy-guard';

/** The parts of DOM nodes the decision needs (so it can be tested without a browser). */
export interface NodeLike {
  closest?(selector: string): unknown;
  isContentEditable?: boolean;
  tagName?: string;
}
export interface RangeLike {
  collapsed: boolean;
  intersectsNode(node: unknown): boolean;
}

const EDITABLE_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** True for a text field, select or contenteditable: copying its own text is the analyst's typing, not table data. */
export const isEditable = (node: NodeLike | null): boolean =>
  !!node && ((node.tagName !== undefined && EDITABLE_TAGS.has(node.tagName.toUpperCase())) || node.isContentEditable === true);

const inGuard = (node: NodeLike | null): boolean => !!node?.closest?.(`[${COPY_GUARD_ATTR}]`);

/**
 * Whether a copy must be cancelled: not from a text field, and either the selection touches a
 * guarded table or the focus is in one (a focused grid cell).
 */
export function shouldBlockCopy(target: NodeLike | null, active: NodeLike | null, ranges: RangeLike[], guards: unknown[]): boolean {
  if (isEditable(target) || isEditable(active)) return false;
  if (inGuard(target) || inGuard(active)) return true;
  return ranges.some((r) => !r.collapsed && guards.some((g) => r.intersectsNode(g)));
}

/**
 * Installs the guard on a document; `onBlocked` lets the UI say why nothing was copied. Returns the
 * uninstaller. Dragging a selection out of a table (to another program) is blocked the same way.
 */
export function installCopyGuard(doc: Document, onBlocked: () => void): () => void {
  const handler = (e: Event) => {
    const selection = doc.getSelection();
    const ranges: Range[] = [];
    for (let i = 0; selection && i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
    // A dragged text selection starts at a text node: judge it by its element.
    const node = e.target as (Node & { parentElement?: Element | null }) | null;
    const target = node instanceof Element ? node : (node?.parentElement ?? null);
    if (!shouldBlockCopy(target, doc.activeElement, ranges, [...doc.querySelectorAll(`[${COPY_GUARD_ATTR}]`)])) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    onBlocked();
  };
  // Capture on the document: no grid handler can copy before the guard has decided. Cut goes the same way.
  const events = ['copy', 'cut', 'dragstart'] as const;
  for (const name of events) doc.addEventListener(name, handler, true);
  return () => {
    for (const name of events) doc.removeEventListener(name, handler, true);
  };
}
