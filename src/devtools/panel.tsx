import { render } from 'preact';
import { analyzeSite } from '../core/analyze-site';
import {
  canReadCookiesDirectly,
  canWatchSessionStorage,
  canWatchTabs,
  isDevtoolsContext,
} from '../platform/capabilities';
import { watchCookies } from '../platform/cookies';
import { devtoolsTheme, inspectedTabId, watchInspectedNavigation } from '../platform/devtools';
import { send } from '../platform/messaging';
import { requestHostPermission } from '../platform/permissions';
import { watchChangeLog } from '../platform/watch-change-log';
import { loadTabCookies } from '../platform/site-cookies';
import { watchTabUrl } from '../platform/tabs';
import { createStore } from '../state/create-store';
import { StoreContext } from '../ui/store-context';
import { tabIdFromSearch } from '../state/tab-id-param';
import { PanelApp } from './PanelApp';
import { startPanel, type PanelController } from '../state/panel-controller';
import '../ui/theme.css';
import '../ui/components.css';
import './panel.css';

const inDevtools = isDevtoolsContext();
const direct = canReadCookiesDirectly();

if (inDevtools) {
  // Follow DevTools' theme, not the system's: they differ when the user picked one in DevTools' settings.
  let theme: string | undefined;
  try {
    theme = devtoolsTheme();
  } catch {
    theme = undefined;
  }
  if (theme !== undefined) document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : 'light';
}

function targetTab(): number | undefined {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== undefined || !inDevtools) return fromUrl;
  try {
    return inspectedTabId();
  } catch {
    return undefined;
  }
}

const store = createStore();
const tabId = targetTab();
let controller: PanelController | undefined;

render(
  <StoreContext.Provider value={store}>
    <PanelApp onRequestPermission={() => void controller?.requestPermission()} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);

if (tabId === undefined) {
  store.showProblem('no-tab', 'SessionScope could not tell which tab to inspect.');
} else {
  controller = startPanel(store, {
    tabId,
    loadCookies: direct ? loadTabCookies : (id) => send('getTabCookies', { tabId: id }),
    getChangeLog: (site, afterSeq) => send('getChangeLog', afterSeq === undefined ? { site } : { site, afterSeq }),
    watchCookies: direct ? watchCookies : undefined,
    watchLog: canWatchSessionStorage() ? watchChangeLog : undefined,
    watchNavigation:
      canWatchTabs() || inDevtools
        ? (listener) => {
            const offs: Array<() => void> = [];
            if (canWatchTabs()) offs.push(watchTabUrl(tabId, listener));
            if (inDevtools) offs.push(watchInspectedNavigation(listener));
            return () => offs.forEach((off) => off());
          }
        : undefined,
    requestHostPermission,
    analyze: analyzeSite,
  });
  addEventListener('pagehide', () => controller?.stop());
}

setInterval(() => {
  store.now.value = Date.now();
}, 30_000);
