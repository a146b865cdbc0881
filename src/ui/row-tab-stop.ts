/**
 * The popup's cookie lists are one Tab stop each (WAI-ARIA's roving tabindex): the current row's toggle is in the
 * Tab order, every other toggle and every row's checkbox and copy button are not, so Tab goes past a list of 180
 * cookies in one step instead of 540. The arrow keys move within the lists (src/popup/PopupApp.tsx). The attributes
 * are set here, not rendered, so the first paint's plain rows and Preact's stay the same elements.
 */

export const TOGGLE = '[data-testid="cookie-toggle"]';
const ROW_CHECK = '.row-head > [data-testid="cookie-check"]';
const ROW_COPY = '.row-value > [data-testid="copy-value"]';
/** A row's own checkbox and its value's copy button (not the detail's buttons, which Tab reaches in an open row). */
export const ROW_CONTROLS = `${ROW_CHECK}, ${ROW_COPY}`;

function setTabIndex(el: HTMLElement, value: 0 | -1): void {
  if (el.getAttribute('tabindex') !== String(value)) el.setAttribute('tabindex', String(value));
}

/**
 * Leaves one toggle of `list` in the Tab order: the current one (the toggle last focused, which holds
 * tabindex 0), or the first when that row is gone. Run after every render: new rows come without the attribute.
 */
export function keepOneTabStop(list: ParentNode): void {
  const toggles = Array.from(list.querySelectorAll<HTMLElement>(TOGGLE));
  const current = toggles.find((t) => t.getAttribute('tabindex') === '0') ?? toggles[0];
  for (const t of toggles) setTabIndex(t, t === current ? 0 : -1);
  for (const c of list.querySelectorAll<HTMLElement>(ROW_CONTROLS)) setTabIndex(c, -1);
}

/** The toggle of the row `el` is in (the toggle itself, its checkbox, its copy button), if any. */
export function rowToggleOf(el: Element): HTMLElement | null {
  if (el.matches(TOGGLE)) return el as HTMLElement;
  if (!el.matches(ROW_CONTROLS)) return null;
  return el.closest('[data-testid="cookie-row"]')?.querySelector<HTMLElement>(TOGGLE) ?? null;
}

/**
 * Where Left or Right moves from `from` within its row: from the toggle to the row's checkbox (Left) or copy button
 * (Right), from either of those back to the toggle; null at a row's end, or outside a row.
 */
export function withinRow(from: Element, key: 'ArrowLeft' | 'ArrowRight'): HTMLElement | null {
  const toggle = rowToggleOf(from);
  if (!toggle) return null;
  if (from === toggle) {
    const row = toggle.closest('[data-testid="cookie-row"]');
    return row?.querySelector<HTMLElement>(key === 'ArrowLeft' ? ROW_CHECK : ROW_COPY) ?? null;
  }
  // Back to the toggle, from the side it lies on: the checkbox is left of it, the copy button right.
  const side = from.matches(ROW_CHECK) ? 'ArrowLeft' : 'ArrowRight';
  return key === side ? null : toggle;
}

/** Focus came to `target` in `list`: its row's toggle becomes the list's one Tab stop. */
export function moveTabStop(list: ParentNode, target: Element): void {
  const toggle = rowToggleOf(target);
  if (!toggle || toggle.getAttribute('tabindex') === '0') return;
  for (const t of list.querySelectorAll<HTMLElement>(`${TOGGLE}[tabindex="0"]`)) setTabIndex(t, -1);
  setTabIndex(toggle, 0);
}
