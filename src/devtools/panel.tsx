import { analyzeSite } from '../core/analyze-site';
import {
  canReadCookiesDirectly,
  canWatchSessionStorage,
  canWatchTabs,
  isDevtoolsContext,
} from '../platform/capabilities';
import { watchCookies } from '../platform/cookies';
import {
  devtoolsTheme,
  inspectedEval,
  inspectedTabId,
  readInspectedStorage,
  recordedRequests,
  watchInspectedNavigation,
  watchPanelShown,
  watchRequests,
} from '../platform/devtools';
import { browserFamily } from '../platform/browser-family';
import { extensionVersion } from '../platform/extension-version';
import { cookieReadMessages, editMessages } from '../platform/edit-messages';
import { send } from '../platform/messaging';
import { requestHostPermission } from '../platform/permissions';
import { localStore } from '../platform/storage';
import { COLUMN_PREFS_KEY } from '../state/columns-slice';
import { loadTabCookies } from '../platform/site-cookies';
import { watchTabUrl } from '../platform/tabs';
import { watchChangeLog } from '../platform/watch-change-log';
import { tabIdFromSearch } from '../protocol/view-address';
import { transferBrowser } from '../platform/transfer-browser';
import { viewTransferDeps } from '../state/view-transfer-deps';
import { startPanel } from './start-panel';

const inDevtools = isDevtoolsContext();
// Firefox's DevTools panels have no `cookies` API: their reads go through the background.
const readCookiesDirectly = canReadCookiesDirectly();
const browserSide = transferBrowser();
const panel = startPanel(
  {
    capabilities: {
      inDevtools,
      readCookiesDirectly,
      watchTabs: canWatchTabs(),
      watchSessionStorage: canWatchSessionStorage(),
    },
    tabId: tabIdFromSearch(location.search),
    inspectedTabId,
    devtoolsTheme,
    loadTabCookies,
    askBackgroundForCookies: (tabId) => send('getTabCookies', { tabId }),
    readPageUrls: (tabId) => send('getPageUrls', { tabId }),
    getChangeLog: (site, afterSeq, storeId) =>
      send('getChangeLog', {
        site,
        ...(afterSeq === undefined ? {} : { afterSeq }),
        ...(storeId === undefined ? {} : { storeId }),
      }),
    watchCookies,
    watchChangeLog,
    watchTabUrl,
    watchInspectedNavigation,
    watchPanelShown,
    requestHostPermission,
    analyze: analyzeSite,
    sitesCookies: readCookiesDirectly ? browserSide.sitesCookies : cookieReadMessages.sitesCookies,
    // Firefox sends cookies without SameSite cross-site (its Lax-by-default is off); Chromium treats them as Lax.
    unspecifiedSameSite: browserFamily() === 'firefox' ? 'none' : 'lax',
    version: extensionVersion,
    pageData: { evaluate: inspectedEval, recordedRequests, watchRequests },
    transfer: viewTransferDeps({
      ...browserSide,
      ...(readCookiesDirectly ? {} : cookieReadMessages),
      // Only a real DevTools panel has an inspected page to read; the panel opened as a tab has none.
      pageStorage: inDevtools ? readInspectedStorage : undefined,
    }),
    edit: editMessages,
    columnPrefs: {
      load: () => localStore.get(COLUMN_PREFS_KEY).then((items) => items[COLUMN_PREFS_KEY]),
      save: (prefs) => localStore.set({ [COLUMN_PREFS_KEY]: prefs }),
    },
  },
  { root: document.getElementById('app')!, themeRoot: document.documentElement },
);
addEventListener('pagehide', () => panel.stop());
