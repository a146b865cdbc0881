import { loadTabCookies, prefetchUrlCookies } from '../platform/site-cookies';
import { sessionStore } from '../platform/storage';
import { FIRST_PAINT_HINT_KEY } from '../protocol/first-paint-hint';
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

/**
 * The background's session reasons for the first paint (first-rows.ts), asked for beside the reads. Never rejects: a
 * browser without `storage.session`, or a failed read, leaves the first paint to decode.
 */
export const earlyHint: Promise<unknown> = new Promise<Record<string, unknown>>((resolve) =>
  resolve(sessionStore.get(FIRST_PAINT_HINT_KEY)),
).then(
  (items) => items[FIRST_PAINT_HINT_KEY],
  () => undefined,
);
