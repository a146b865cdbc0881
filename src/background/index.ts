import { analyzeSite } from '../core/analyze-site';
import { setTabBadge } from '../platform/action';
import { getAllCookies, onCookieChanged } from '../platform/cookies';
import { listen } from '../platform/messaging';
import { loadTabCookies } from '../platform/site-cookies';
import { sessionStore } from '../platform/storage';
import {
  getActiveTabInWindow,
  onTabActivated,
  onTabRemoved,
  onTabUpdated,
  onWindowFocusChanged,
} from '../platform/tab-events';
import { getActiveTab } from '../platform/tabs';
import { createBadgeController } from './badge-controller';
import { createChangeLog } from './change-log';
import { createHandlers } from './handlers';
import { createKnownWeakSecret } from './known-weak-secret';

/**
 * The worker's entry only binds the browser to the implementations (which are unit-tested with fakes).
 * Every listener is registered synchronously here: an MV3 worker woken by an event only receives it if the
 * listener exists when the script's first run ends.
 */

const startedAt = Date.now();
const onError = __DEBUG__
  ? (error: unknown): void => {
      // eslint-disable-next-line no-console -- debug builds only
      console.warn('[SessionScope background]', error);
    }
  : undefined;

const knownWeakSecret = createKnownWeakSecret();
const log = createChangeLog({
  store: sessionStore,
  now: Date.now,
  readJar: getAllCookies,
  ...(onError ? { onError } : {}),
});
const badge = createBadgeController({
  activeTab: (windowId) => (windowId === undefined ? getActiveTab() : getActiveTabInWindow(windowId)),
  loadTabCookies,
  // The badge counts a default secret too: the weak-secret finding is critical.
  findings: async (url, cookies) =>
    (await analyzeSite(url, cookies, Date.now(), { checkWeakSecret: knownWeakSecret })).audit.findings,
  setBadge: setTabBadge,
  ...(onError ? { onError } : {}),
});

// In memory only: it counts what this instance was handed, which is what a test of stops needs to know.
let received = 0;
// Nothing heavy here: the log queues the change for a write in this task, the badge only restarts its debounce.
onCookieChanged((change) => {
  received += 1;
  log.record(change);
  badge.cookieChanged(change.cookie);
});
listen(createHandlers({ log, loadTabCookies, startedAt, received: () => received }));
onTabUpdated((tabId, update) => badge.tabUpdated(tabId, update));
onTabActivated((tabId) => badge.tabActivated(tabId));
onTabRemoved((tabId) => badge.tabRemoved(tabId));
onWindowFocusChanged((windowId) => badge.windowFocused(windowId));
