import { analyzeSite } from '../core/analyze-site';
import { setTabBadge } from '../platform/action';
import { readCookie, readSameName, removeCookie, setCookie } from '../platform/cookie-write';
import { getAllCookies, onCookieChanged } from '../platform/cookies';
import { listen } from '../platform/messaging';
import { loadTabCookies } from '../platform/site-cookies';
import { localStore, sessionStore } from '../platform/storage';
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
import { createGuard } from './protect-rules';
import { createCookieWrites } from './undo-stack';

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

const cookieApi = { set: setCookie, remove: removeCookie, read: readCookie, readSameName };
// Protect and block: settings from storage.local; this instance checks the jar against them as it starts.
const guard = createGuard({
  store: localStore,
  set: setCookie,
  remove: removeCookie,
  readJar: getAllCookies,
  record: (change) => log.record(change),
  ...(onError ? { onError } : {}),
});
const writes = createCookieWrites({
  store: sessionStore,
  browser: cookieApi,
  now: Date.now,
  readJar: async (cookies) => (await Promise.all(cookies.map(readCookie))).filter((c) => c !== null),
  written: (before, after) => guard.userWrote(before, after),
  pause: (cookies) => guard.pause(cookies),
});

// In memory only: it counts what this instance was handed, which is what a test of stops needs to know.
let received = 0;
// Nothing heavy here: the log queues the change for a write in this task, the badge only restarts its debounce.
onCookieChanged((change) => {
  received += 1;
  log.record(change);
  badge.cookieChanged(change.cookie);
  guard.cookieChanged(change);
});
listen(createHandlers({ log, loadTabCookies, startedAt, received: () => received, writes, guard }));
onTabUpdated((tabId, update) => badge.tabUpdated(tabId, update));
onTabActivated((tabId) => badge.tabActivated(tabId));
onTabRemoved((tabId) => badge.tabRemoved(tabId));
onWindowFocusChanged((windowId) => badge.windowFocused(windowId));
