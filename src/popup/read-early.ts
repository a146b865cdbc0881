import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { startFirstRead } from './first-read';

/**
 * Imported first by main.tsx, so its module body runs before those of the UI, the decoders and the state: the tab
 * and cookie reads are on their way while the rest of the popup's code is evaluated.
 */
export const earlyRead = startFirstRead({ activeTab: getActiveTab, loadTabCookies }, location.search);
