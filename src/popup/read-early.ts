import { loadTabCookies, prefetchUrlCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { startFirstRead } from './first-read';
import { FIRST_PAINT_MARKS } from './first-paint-marks';

/**
 * Imported first by boot.ts: its module body runs before the decoders and the first paint, so the tab and cookie
 * reads are on their way while the rest of the first paint's code is evaluated.
 */
performance.mark(FIRST_PAINT_MARKS.script);
export const earlyRead = startFirstRead(
  { activeTab: getActiveTab, loadTabCookies, prefetch: prefetchUrlCookies },
  location.search,
);
