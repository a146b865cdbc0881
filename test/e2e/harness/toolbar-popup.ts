import type { Page } from 'puppeteer-core';
import { FIRST_PAINT_MARKS, SHOWN_MARK } from '../../../src/popup/first-paint-marks';
import { DECODERS_MARK } from '../../../src/popup/first-rows';
import type { ChromiumSession } from './chromium';
import { openRealPopup, type ToolbarButton } from './views';

/** A toolbar popup's opening, in ms on its own clock. */
export interface ToolbarTiming {
  /** The first contentful paint: the frame with the rows (neither popup paints text before them). */
  fcpMs: number;
  /** The start of the page's load event. */
  loadedMs: number;
  /**
   * The page's first-paint marks (src/popup/first-paint-marks.ts; the reference sets them too): when its script
   * started, when it had the cookies, when its rows were in the DOM. NaN for a mark the page did not set.
   */
  scriptMs: number;
  cookiesMs: number;
  rowsMs: number;
  /**
   * When the page was made visible (SHOWN_MARK, which both pages set): the browser shows a toolbar popup once its
   * page has loaded and its thread is free, and its first frame comes after that.
   */
  shownMs: number;
  /**
   * When SessionScope's first paint asked for the decoders (DECODERS_MARK: the background's hint did not answer for
   * the cookies read, so it decoded before its rows); NaN when it did not, and for the reference.
   */
  decodersMs: number;
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
    const t = (await popup.evaluate(`(() => {
      const at = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
      return {
        fcpMs: performance.getEntriesByName('first-contentful-paint')[0].startTime,
        loadedMs: performance.getEntriesByType('navigation')[0].loadEventStart,
        scriptMs: at(${JSON.stringify(FIRST_PAINT_MARKS.script)}),
        cookiesMs: at(${JSON.stringify(FIRST_PAINT_MARKS.cookies)}),
        rowsMs: at(${JSON.stringify(FIRST_PAINT_MARKS.rows)}),
        shownMs: at(${JSON.stringify(SHOWN_MARK)}),
        decodersMs: at(${JSON.stringify(DECODERS_MARK)}),
      };
    })()`)) as Record<keyof ToolbarTiming, number | null>;
    // JSON has no NaN: a mark the page did not set comes back null.
    const num = (v: number | null) => v ?? Number.NaN;
    return {
      fcpMs: num(t.fcpMs),
      loadedMs: num(t.loadedMs),
      scriptMs: num(t.scriptMs),
      cookiesMs: num(t.cookiesMs),
      rowsMs: num(t.rowsMs),
      shownMs: num(t.shownMs),
      decodersMs: num(t.decodersMs),
    };
  } finally {
    await popup.close();
  }
}
