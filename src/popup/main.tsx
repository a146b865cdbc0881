// First: its body starts reading the tab's cookies before the modules below are evaluated.
import { earlyRead } from './read-early';
import { cookieRows } from '../core/cookie-views';
import { extensionVersion } from '../platform/extension-version';
import { requestHostPermission } from '../platform/permissions';
import { readTabStorage } from '../platform/scripting';
import { editMessages } from '../platform/edit-messages';
import { transferBrowser } from '../platform/transfer-browser';
import { viewTransferDeps } from '../state/view-transfer-deps';
import { lazyAnalyze } from './analysis-chunk';
import { startPopup } from './start-popup';

// The first paint needs only the rows: the cookies, decoded, with their session reasons (core/cookie-views, a few
// KB). The audit and the Public Suffix List it needs (most of the code) come in a chunk loaded after that paint,
// and its findings fill the rows already shown, which keep their places (test/state/load-site.test.ts).
startPopup(
  {
    tabId: earlyRead.tabId,
    activeTab: earlyRead.activeTab,
    loadTabCookies: earlyRead.loadTabCookies,
    requestHostPermission,
    readTabStorage,
    rows: cookieRows,
    analyze: lazyAnalyze(),
    version: extensionVersion,
    transfer: viewTransferDeps(transferBrowser()),
    edit: editMessages,
  },
  { root: document.getElementById('app')! },
);
