import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from './chromium';
import { openRealPopup, type ToolbarButton } from './views';

/**
 * Opens a real toolbar popup for `tab` (the toolbar button, as the user clicks it: SessionScope's, or `button`) and
 * returns the popup's first contentful paint on its own clock (from its navigation start), once `expected` rows
 * matching `selector` are in it.
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
): Promise<number> {
  const popup = await openRealPopup(session, tab, button);
  try {
    await popup.waitForFunction(
      `document.querySelectorAll(${JSON.stringify(selector)}).length >= ${expected} && ` +
        `performance.getEntriesByName('first-contentful-paint').length > 0`,
      { timeout: 30_000 },
    );
    return (await popup.evaluate(`performance.getEntriesByName('first-contentful-paint')[0].startTime`)) as number;
  } finally {
    await popup.close();
  }
}
