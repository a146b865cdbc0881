import { analyzeSite } from '../core/analyze-site';
import { extensionVersion } from '../platform/extension-version';
import { requestHostPermission } from '../platform/permissions';
import { loadTabCookies } from '../platform/site-cookies';
import { getActiveTab } from '../platform/tabs';
import { readTabStorage } from '../platform/scripting';
import { editMessages } from '../platform/edit-messages';
import { tabIdFromSearch } from '../state/tab-id-param';
import { transferBrowser } from '../platform/transfer-browser';
import { viewTransferDeps } from '../state/view-transfer-deps';
import { startPopup } from './start-popup';

// The analysis is imported statically: as a dynamic chunk it was fetched and compiled only after every other
// module had run, and the rows waited for it (~20 ms at 10 and 180 cookies in an A/B of the synthetic bench
// page). Loaded with the rest, it costs the loading state a few ms and the rows nothing.
startPopup(
  {
    tabId: tabIdFromSearch(location.search),
    activeTab: getActiveTab,
    loadTabCookies,
    requestHostPermission,
    analyze: analyzeSite,
    readTabStorage,
    version: extensionVersion,
    transfer: viewTransferDeps(transferBrowser()),
    edit: editMessages,
  },
  { root: document.getElementById('app')! },
);
