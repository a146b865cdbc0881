import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * The widest panel laid out in one column (panel.css's `@media (max-width: 760px)`): DevTools docked at the side.
 * There the table's box is half the panel's height and an opened detail shows under the table.
 */
const NARROW_PANEL_PX = 760;

const QUERY = `(max-width: ${NARROW_PANEL_PX}px)`;

/** Whether the panel is laid out in one column now. */
export function isNarrowPanel(): boolean {
  // A DOM without matchMedia lays nothing out: taken as wide.
  return window.matchMedia?.(QUERY).matches ?? false;
}

/** isNarrowPanel as a signal, following the panel's width for as long as the page lives. */
export function narrowPanelSignal(): ReadonlySignal<boolean> {
  const narrow = signal(isNarrowPanel());
  window.matchMedia?.(QUERY).addEventListener('change', (e) => (narrow.value = e.matches));
  return narrow;
}
