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
