import { cookieRows } from '../core/cookie-views';
import { extensionVersion } from '../platform/extension-version';
import { requestHostPermission } from '../platform/permissions';
import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { readTabStorage } from '../platform/scripting';
import { editMessages } from '../platform/edit-messages';
import { tabIdFromSearch } from '../state/tab-id-param';
import { browserFamily } from '../platform/browser-family';
import { getAllCookies } from '../platform/cookies';
import { localStore } from '../platform/storage';
import { downloadText } from '../state/download-text';
import { applyThrough } from '../state/apply-writes';
import { createSnapshotStore } from '../state/snapshot-store';
import { writeClipboard } from '../state/write-clipboard';
import { send } from '../platform/messaging';
import { lazyAnalyze } from './analysis-chunk';
import { startPopup } from './start-popup';

// The first paint needs only the rows: the cookies, decoded, with their session reasons (core/cookie-views, a few
// KB). The audit and the Public Suffix List it needs (most of the code) come in a chunk loaded after that paint,
// and its findings fill the rows already shown, which keep their places (test/state/load-site.test.ts).
startPopup(
  {
    tabId: tabIdFromSearch(location.search),
    activeTab: getActiveTab,
    loadTabCookies,
    requestHostPermission,
    readTabStorage,
    rows: cookieRows,
    analyze: lazyAnalyze(),
    version: extensionVersion,
    transfer: {
      browser: browserFamily(),
      siteCookies: async (host, storeId) =>
        (await import('../platform/whole-site-cookies')).getSiteCookies(host, storeId),
      allCookies: getAllCookies,
      save: (fileName, text, mimeType) => downloadText(fileName, text, mimeType),
      copy: writeClipboard,
      version: extensionVersion,
      now: () => Date.now(),
      snapshots: createSnapshotStore(localStore),
      apply: applyThrough((ops, label) => send('writeCookies', { ops, label })),
    },
    edit: editMessages,
  },
  { root: document.getElementById('app')! },
);
