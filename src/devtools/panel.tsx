import { analyzeSite } from '../core/analyze-site';
import {
  canReadCookiesDirectly,
  canWatchSessionStorage,
  canWatchTabs,
  isDevtoolsContext,
} from '../platform/capabilities';
import { watchCookies } from '../platform/cookies';
import { devtoolsTheme, inspectedTabId, watchInspectedNavigation } from '../platform/devtools';
import { extensionVersion } from '../platform/extension-version';
import { editMessages } from '../platform/edit-messages';
import { send } from '../platform/messaging';
import { requestHostPermission } from '../platform/permissions';
import { loadTabCookies } from '../platform/site-cookies';
import { watchTabUrl } from '../platform/tabs';
import { watchChangeLog } from '../platform/watch-change-log';
import { tabIdFromSearch } from '../state/tab-id-param';
import { startPanel } from './start-panel';

const panel = startPanel(
  {
    capabilities: {
      inDevtools: isDevtoolsContext(),
      readCookiesDirectly: canReadCookiesDirectly(),
      watchTabs: canWatchTabs(),
      watchSessionStorage: canWatchSessionStorage(),
    },
    tabId: tabIdFromSearch(location.search),
    inspectedTabId,
    devtoolsTheme,
    loadTabCookies,
    askBackgroundForCookies: (tabId) => send('getTabCookies', { tabId }),
    getChangeLog: (site, afterSeq) => send('getChangeLog', afterSeq === undefined ? { site } : { site, afterSeq }),
    watchCookies,
    watchChangeLog,
    watchTabUrl,
    watchInspectedNavigation,
    requestHostPermission,
    analyze: analyzeSite,
    version: extensionVersion,
    edit: editMessages,
  },
  { root: document.getElementById('app')!, themeRoot: document.documentElement },
);
addEventListener('pagehide', () => panel.stop());
