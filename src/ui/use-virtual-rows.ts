import {
  Virtualizer,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type Rect,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** One line per row, as in DevTools' own cookie table; the CSS reads it as `--row-h`, so both agree. */
export const ROW_HEIGHT = 24;

/**
 * What the table assumes before its scroll box has a size: a DevTools panel is laid out only once shown, and a
 * test DOM never lays out. One screenful of rows is drawn; the real size takes over at the first resize.
 */
const UNLAID_RECT: Rect = { width: 1000, height: 40 * ROW_HEIGHT };

/**
 * Rows drawn beyond each edge of the box: each is rendered, laid out and painted again on every filter keystroke
 * (28 rows drawn in a 660 px box, each a share of the keystroke's rendering work), so one: a frame of smooth wheel or
 * trackpad scrolling moves less than a row, the arrow keys scroll their row in before it is drawn, and a longer
 * jump draws its rows in the frame after the scroll, as any virtual list does.
 */
export const OVERSCAN = 1;

/** The box's rect as the rows see it: less the sticky header at its top, which covers the rows under it. */
function rowsRect(rect: Rect, headerPx: number): Rect {
  const laid = rect.height > 0 ? rect : UNLAID_RECT;
  return { width: laid.width, height: Math.max(ROW_HEIGHT, laid.height - headerPx) };
}

export interface VirtualRows {
  virtualizer: Virtualizer<HTMLElement, HTMLElement>;
  /** Indexes of the rows to draw, in order (a contiguous run). */
  first: number;
  last: number;
  /** Spacer heights standing in for the rows not drawn above and below. */
  before: number;
  after: number;
  /** Whole rows the scroll box shows at once: PageUp/PageDown's step. */
  pageRows: number;
}

/**
 * The rows of a long list worth drawing, from @tanstack/virtual-core (headless: it computes ranges and scrolls,
 * the table draws). Rows have one fixed height (ROW_HEIGHT, enforced by CSS), so nothing is measured: the range
 * follows from the scroll offset alone. Wired the way the library's own framework bindings do: options set on
 * every render, `_didMount` once, `_willUpdate` after each render, a re-render on change.
 */
export function useVirtualRows(
  count: number,
  scrollRef: RefObject<HTMLElement | null>,
  /**
   * The scroll box's height before it is measured, when the caller can tell it without a layout (from the
   * window's height): the first render then draws the rows the measured box keeps, not UNLAID_RECT's, and is not
   * redone at once with fewer.
   */
  expectedHeight?: () => number,
  /**
   * The height of a sticky header inside the box, above the first row (the table's header row): the rows it covers
   * are not in view. The virtualiser is told the box is that much shorter, so it neither draws a row hidden by the
   * header nor scrolls a row under it.
   */
  headerPx = 0,
): VirtualRows {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [initialRect] = useState<Rect>(() => {
    const height = expectedHeight?.() ?? 0;
    return rowsRect(height > 0 ? { width: UNLAID_RECT.width, height } : UNLAID_RECT, headerPx);
  });
  const [observeRowsRect] = useState(
    (): VirtualizerOptions<HTMLElement, HTMLElement>['observeElementRect'] => (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rowsRect(rect, headerPx))),
  );
  const options: VirtualizerOptions<HTMLElement, HTMLElement> = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // No getItemKey: the library's own (the index) is one stable function. A key function made at each render
    // changes the library's memo key, so it rebuilt its table of every row's offset (10,000 key calls and map
    // lookups) at each render, a scroll or a keystroke that left the count alone included. Keys only matter to
    // measured sizes, and rows are never measured.
    scrollToFn: elementScroll,
    observeElementRect: observeRowsRect,
    observeElementOffset,
    initialRect,
    // No scroll padding: with the header left out of the rect, the library's offset 0 (the first row's top) shows
    // just under the header, so a row scrolled to from below stops at the box's bottom edge and one scrolled to from
    // above just under the header.
    overscan: OVERSCAN,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useEffect(() => virtualizer._didMount(), [virtualizer]);
  useLayoutEffect(() => virtualizer._willUpdate());

  const items = virtualizer.getVirtualItems();
  const total = virtualizer.getTotalSize();
  const head = items[0];
  const tail = items[items.length - 1];
  const height = virtualizer.scrollRect?.height ?? initialRect.height;
  return {
    virtualizer,
    first: head?.index ?? 0,
    last: tail?.index ?? -1,
    before: head?.start ?? 0,
    after: tail ? Math.max(0, total - tail.end) : 0,
    pageRows: Math.max(1, Math.floor(height / ROW_HEIGHT)),
  };
}
