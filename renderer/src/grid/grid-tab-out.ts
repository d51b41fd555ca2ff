import type { KeyboardEvent } from 'react';

/**
 * Keyboard: a grid is one stop in the Tab order (the WAI-ARIA grid pattern). Arrow keys,
 * Page Up/Down and Home/End move between cells; Tab and Shift+Tab leave the grid for the
 * next or previous control, instead of walking through the cells (or the rows, which
 * AG Grid makes focusable) of a 2,000,000-row table. Filter menus keep their own Tab order.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function tabOutOfGrid(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
  const grid = e.currentTarget;
  const target = e.target as HTMLElement;
  if (target.closest('.ag-popup, .ag-menu, .ag-filter')) return;
  const outside = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !grid.contains(el) && el.offsetParent !== null && !el.closest('[hidden], [inert]'),
  );
  // Past the last control the order wraps around, as the browser's own Tab order does.
  const next = e.shiftKey
    ? (outside.filter((el) => grid.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING).pop() ?? outside.at(-1))
    : (outside.find((el) => grid.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? outside[0]);
  if (!next) return;
  e.preventDefault();
  e.stopPropagation();
  next.focus();
}
