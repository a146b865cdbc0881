import { requestHostPermission } from '../platform/permissions';
import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { tabIdFromSearch } from '../ui/tab-id-param';
import { startPopup } from './start-popup';

const analysis = import('../core/analyze-site');

startPopup(
  {
    tabId: tabIdFromSearch(location.search),
    activeTab: getActiveTab,
    loadTabCookies,
    requestHostPermission,
    // The analysis (decoders, audit rules, jose) is the bulk of the code: its chunk loads while the browser
    // lists the cookies, instead of before the first paint.
    analyze: async (url, cookies, now) => (await analysis).analyzeSite(url, cookies, now),
  },
  { root: document.getElementById('app')! },
);
