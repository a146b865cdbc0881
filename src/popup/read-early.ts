import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { startFirstRead } from './first-read';

/**
 * Imported first by boot.ts, so its module body runs before the decoders and the first paint: the tab
 * and cookie reads are on their way while the rest of the first paint's code is evaluated.
 */
export const earlyRead = startFirstRead({ activeTab: getActiveTab, loadTabCookies }, location.search);
