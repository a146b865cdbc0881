import { render } from 'preact';
import { requestHostPermission } from '../platform/permissions';
import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { createStore } from '../ui/create-store';
import { StoreContext } from '../ui/store-context';
import { tabIdFromSearch } from '../ui/tab-id-param';
import { PopupApp } from './PopupApp';
import { createPopupController } from './popup-controller';
import '../ui/theme.css';
import '../ui/components.css';
import './popup.css';

const analysis = import('../core/analyze-site');
const store = createStore();
const controller = createPopupController(store, {
  tabId: tabIdFromSearch(location.search),
  activeTab: getActiveTab,
  loadTabCookies,
  requestHostPermission,
  // The analysis (decoders, audit rules, jose) is the bulk of the code: its chunk loads while the browser
  // lists the cookies, instead of before the first paint.
  analyze: async (url, cookies, now, options) => (await analysis).analyzeSite(url, cookies, now, options),
});

// The loading state paints first; reading and analysing the cookies starts right after.
render(
  <StoreContext.Provider value={store}>
    <PopupApp onRequestPermission={() => void controller.requestPermission()} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);
void controller.load();

// Relative times ("in 3 min") stay true while the popup is open.
setInterval(() => {
  store.now.value = Date.now();
}, 30_000);
