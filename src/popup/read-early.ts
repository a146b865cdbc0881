import { loadTabCookies, prefetchUrlCookies } from '../platform/site-cookies';
import { sessionStore } from '../platform/storage';
import { getActiveTab } from '../platform/tabs';
import { startFirstRead } from './first-read';
import { readFirstPaintHint } from './first-rows';
import { FIRST_PAINT_MARKS, markWhenShown } from './first-paint-marks';

/**
 * Imported first by boot.ts: its module body runs before the rest of the first paint, so the tab and cookie reads
 * (and the background's hint) are on their way while the rest of the first paint's code is evaluated.
 */
performance.mark(FIRST_PAINT_MARKS.script);
export const earlyRead = startFirstRead(
  { activeTab: getActiveTab, loadTabCookies, prefetch: prefetchUrlCookies },
  location.search,
);

/** The background's session reasons for the first paint (first-rows.ts), asked for beside the reads. */
export const earlyHint = readFirstPaintHint((key) => sessionStore.get(key));

// After the reads are on their way: when a toolbar popup's page is shown (docs/popup-speed.md).
markWhenShown();
