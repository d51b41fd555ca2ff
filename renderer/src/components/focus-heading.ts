/**
 * Moves keyboard focus to the first heading inside `container` (made focusable by script
 * only, tabindex -1), so focus does not fall back to the page when the control that had it
 * disappears or is disabled: after opening an extract, after "Alle filters wissen".
 */
export function focusFirstHeading(container: HTMLElement | null): boolean {
  const heading = container?.querySelector<HTMLElement>('h1, h2');
  const target = heading ?? container;
  if (!target) return false;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
  return document.activeElement === target;
}
