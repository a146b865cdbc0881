/**
 * User-timing marks of the popup's first paint, on the page's own clock (DevTools' Performance panel shows them).
 * `npm run bench` reads them in the real toolbar popups, where no timer can be put into the page before its
 * scripts run, to say where an opening's time goes (bench/run.ts); the reference popup it compares against sets
 * the same marks (bench/reference-extension.ts).
 */
export const FIRST_PAINT_MARKS = {
  /** The page's script has started: the tab and cookie reads are asked for. */
  script: 'sessionscope:script',
  /** The tab's cookies are in hand. */
  cookies: 'sessionscope:cookies',
  /** The first paint's rows are in the DOM (the frame that shows them comes later). */
  rows: 'sessionscope:rows',
} as const;

/** Sets a user-timing mark now on the page's clock: the first paint's default `mark`. */
export function markNow(name: string): void {
  performance.mark(name);
}

/**
 * The user-timing mark set when the page is first made visible, if it started hidden. A toolbar popup's page loads
 * hidden and is shown once it has loaded and its thread is free: in Chromium, after the work that was running then
 * (docs/popup-speed.md). A page opened in a tab is visible from the start and never sets it. Not one of
 * FIRST_PAINT_MARKS, which every opening sets, in their order.
 */
export const SHOWN_MARK = 'sessionscope:shown';

/** The part of `document` markWhenShown reads. */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** Sets SHOWN_MARK (with `mark`) the first time a page that is hidden now becomes visible; nothing if visible now. */
export function markWhenShown(doc: VisibilitySource = document, mark: (name: string) => void = markNow): void {
  if (doc.visibilityState === 'visible') return;
  const shown = () => {
    if (doc.visibilityState !== 'visible') return;
    doc.removeEventListener('visibilitychange', shown);
    mark(SHOWN_MARK);
  };
  doc.addEventListener('visibilitychange', shown);
}
