import { analyzeSite } from '../core/analyze-site';
import { addedRulesLabel } from '../core/edit/block-rule';
import { manifestPopup, setTabBadge, setTabPopup } from '../platform/action';
import { readCookie, readSameName, removeCookie, setCookie } from '../platform/cookie-write';
import { getAllCookies, onCookieChanged } from '../platform/cookies';
import { getSiteCookies, getSitesCookies } from '../platform/whole-site-cookies';
import { listen } from '../platform/messaging';
import { readFrameUrls } from '../platform/scripting';
import { loadTabCookies } from '../platform/site-cookies';
import { localStore, sessionStore } from '../platform/storage';
import { extensionVersion } from '../platform/extension-version';
import { getActiveTabs, onTabActivated, onTabRemoved, onTabUpdated } from '../platform/tab-events';
import { LOG_CAPACITY } from '../core/timeline/log-layout';
import { createBadgeController } from './badge-controller';
import { createChangeLog } from './change-log';
import { createHandlers } from './handlers';
import { createPopupAddress } from './popup-address';
import { createKnownWeakSecret } from './known-weak-secret';
import { createGuard } from './protect-rules';
import { createCookieWrites } from './undo-stack';
import { createFirstPaintHintWriter } from './first-paint-hint-writer';
import { createStageThrottle } from './stage-throttle';

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
  // In a storm, folds wait for a pause (or a full log's worth): a fold's write is the worker's longest task
  // (~1 ms per entry on a loaded machine), and the events queued behind it are what a stop loses. What is
  // staged is already in storage; a worker started in a storm must not begin with a fold of all it finds.
  foldAt: LOG_CAPACITY,
  // Long enough for the event that woke the worker to be heard first: without it chromium-change-log.e2e.ts saw
  // the waking cookie logged twice in about one run in three; with it, 4 of 4 runs were clean.
  reconcileDelayMs: 250,
  // A worker started in a storm reads its stopped predecessors' batches and compares the jar at the first pause,
  // not while events queue behind that work (each stop drops them).
  startQuietMs: 100,
  ...(onError ? { onError } : {}),
});
// The badge's analysis of the active tab also gives the popup's first paint its session reasons.
const firstPaintHint = createFirstPaintHintWriter({
  store: sessionStore,
  version: extensionVersion,
  ...(onError ? { onError } : {}),
});
const badge = createBadgeController({
  activeTabs: getActiveTabs,
  loadTabCookies,
  // The badge counts a default secret too: the weak-secret finding is critical.
  findings: async (url, cookies, signal) => {
    const analysis = await analyzeSite(url, cookies, Date.now(), {
      checkWeakSecret: knownWeakSecret.forRecount(signal),
    });
    firstPaintHint.analysed(cookies, analysis.cookies);
    return analysis.audit.findings;
  },
  setBadge: setTabBadge,
  ...(onError ? { onError } : {}),
});

const staging = createStageThrottle({ stage: (changes) => log.recordAll(changes) });
const cookieApi = { set: setCookie, remove: removeCookie, read: readCookie, readSameName };
// Protect and block: settings from storage.local; this instance checks the jar against them as it starts.
const guard = createGuard({
  store: localStore,
  set: setCookie,
  remove: removeCookie,
  readJar: getAllCookies,
  // After what the throttle holds, so the log keeps the order things happened in.
  record: (change) => {
    staging.flush();
    log.record(change);
  },
  rememberSwept: (added, removed) => writes.remember(addedRulesLabel(added), removed, added),
  ...(onError ? { onError } : {}),
});
const writes = createCookieWrites({
  store: sessionStore,
  browser: cookieApi,
  now: Date.now,
  readJar: async (cookies) => (await Promise.all(cookies.map(readCookie))).filter((c) => c !== null),
  written: (before, after) => {
    // The user's own write, beside the browser's events for it: the timeline must not take it for the site's.
    const left = after ?? before;
    if (left) {
      staging.flush();
      log.record({ cookie: left, removed: after === null, cause: 'edited' });
    }
    return guard.userWrote(before, after);
  },
  pause: (cookies) => guard.pause(cookies),
  dropBlockRules: (rules) => guard.removeBlockRules(rules),
});

// In memory only: it counts what this instance was handed, which is what a test of stops needs to know.
let received = 0;
// Nothing heavy here: the change is staged now or within a few ms, the badge only notes the cookie's site.
onCookieChanged((change) => {
  received += 1;
  staging.push(change);
  badge.cookieChanged(change.cookie);
  guard.cookieChanged(change);
});
// A query or a clear first stages what the throttle holds, so it answers with every change received.
const readLog = {
  query: (q: Parameters<typeof log.query>[0]) => (staging.flush(), log.query(q)),
  clear: () => (staging.flush(), log.clear()),
};
// Ping's count is of changes whose staging write has been issued: it stages what the throttle holds first.
const issued = () => (staging.flush(), received);
const cookies = { site: getSiteCookies, sites: getSitesCookies, all: getAllCookies };
listen(
  createHandlers({ log: readLog, loadTabCookies, startedAt, received: issued, writes, guard, cookies, readFrameUrls }),
);
const popupAddress = createPopupAddress({
  popupPath: manifestPopup(),
  setPopup: setTabPopup,
  ...(onError ? { onError } : {}),
});
onTabUpdated((tabId, update) => {
  popupAddress.tabUpdated(tabId, update);
  badge.tabUpdated(tabId, update);
});
onTabActivated((tabId) => badge.tabActivated(tabId));
onTabRemoved((tabId) => badge.tabRemoved(tabId));
