/**
 * The widest panel laid out in one column (panel.css's `@media (max-width: 760px)`): DevTools docked at the side.
 * There the table's box is half the panel's height and an opened detail shows under the table.
 */
export const NARROW_PANEL_PX = 760;

/** Whether the panel is laid out in one column now. */
export function isNarrowPanel(win: Window = window): boolean {
  return win.matchMedia?.(`(max-width: ${NARROW_PANEL_PX}px)`).matches ?? false;
}
