import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import { openRealPopup, type ToolbarButton } from './views';

/** A toolbar popup's opening, in ms on its own clock. */
export interface ToolbarTiming {
  /** The first contentful paint: the frame with the rows (neither popup paints text before them). */
  fcpMs: number;
  /** The start of the page's load event. */
  loadedMs: number;
}

/**
 * Opens a real toolbar popup for `tab` (the toolbar button, as the user clicks it: SessionScope's, or `button`) and
 * returns, on the popup's own clock (from its navigation start), its first contentful paint and the start of its
 * page's load event, once `expected` rows matching `selector` are in it and the page has loaded. A toolbar popup is
 * shown only after its page has loaded: a later load event is a later popup, whatever its scripts do after it.
 *
 * The browser's own paint timing, because no timer can be put into a toolbar popup before its scripts run (DevTools
 * reaches it only once it is loading). Neither popup `npm run bench` compares (bench/run.ts) paints any text before
 * its rows: the reference's list is empty until its rows are in, and SessionScope's first paint puts the header and
 * the rows into its empty page at once (src/popup/paint-first-rows.ts). So the first contentful paint is the frame
 * with the rows. Headless Chromium draws no toolbar, so there is nothing to pin; the clock starts when the popup's
 * page starts loading, after any toolbar animation.
 */
export async function timeToolbarPopup(
  session: ChromiumSession,
  tab: Page,
  expected: number,
  selector: string,
  button?: ToolbarButton,
): Promise<ToolbarTiming> {
  const popup = await openRealPopup(session, tab, button);
  try {
    await popup.waitForFunction(
      `document.querySelectorAll(${JSON.stringify(selector)}).length >= ${expected} && ` +
        `performance.getEntriesByName('first-contentful-paint').length > 0 && ` +
        `performance.getEntriesByType('navigation')[0]?.loadEventStart > 0`,
      { timeout: 30_000 },
    );
    return (await popup.evaluate(`({
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0].startTime,
      loadedMs: performance.getEntriesByType('navigation')[0].loadEventStart,
    })`)) as ToolbarTiming;
  } finally {
    await popup.close();
  }
}
