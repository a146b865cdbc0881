// The popup page's first script, a file of its own (scripts/popup-bundle.ts builds it and puts it first in the
// page, `async`): a few KB that start the tab and cookie reads as soon as they are loaded, while the larger module
// that paints the rows is still being fetched and compiled. The module takes the read over (read-early.ts).
import { loadTabCookies, prefetchUrlCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { leaveFirstRead, startFirstRead } from './first-read';

leaveFirstRead(() =>
  startFirstRead({ activeTab: getActiveTab, loadTabCookies, prefetch: prefetchUrlCookies }, location.search),
);
