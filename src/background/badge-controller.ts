import type { Finding } from '../core/audit/finding';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { isHttpUrl } from '../core/cookie/host';
import { hostOf, inSiteOf } from '../core/cookie/site';
import type { TabCookiesResult } from '../protocol/messages';
import { badgeFor, type BadgeState } from './badge-for';

interface Tab {
  id: number;
  url: string | undefined;
}

export interface BadgeDeps {
  /** The active tab of every window. */
  activeTabs: () => Promise<Tab[]>;
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
  /** `signal` aborts when the count is no longer wanted: stop work, the result is thrown away. */
  findings: (
    pageUrl: string,
    cookies: CookieRecord[],
    signal: AbortSignal,
  ) => Promise<readonly Pick<Finding, 'severity'>[]>;
  setBadge: (tabId: number, badge: BadgeState) => Promise<void>;
  onError?: (error: unknown) => void;
  /** Cookie changes come in bursts (a login sets several): one recount after the burst. */
  debounceMs?: number;
  /**
   * Tab events come in bursts too: a tab opened on a page is activated and given its URL within a few
   * milliseconds. A tab's recount waits this long after its first event, and the events meanwhile join it.
   */
  tabSettleMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  now?: () => number;
}

export interface BadgeController {
  tabUpdated(tabId: number, update: { url?: string; complete: boolean }): void;
  tabActivated(tabId: number): void;
  cookieChanged(cookie: Pick<CookieRecord, 'domain' | 'hostOnly'>): void;
  tabRemoved(tabId: number): void;
  /** Recounts one tab now; resolves when its badge is set (tests, and the triggers above). */
  update(tabId: number): Promise<void>;
}

/**
 * Keeps the toolbar badge of the active tab of every window equal to its site's critical + high findings. The state
 * here (a timer, which recount is newest) may be lost with the worker at no cost: the next trigger recounts.
 *
 * A window gaining focus needs no recount: the badge is per tab, and the active tab of every window is recounted when
 * cookies of its site change. So the worker does not listen for it: every toolbar popup's opening (any extension's)
 * makes the browser fire it, and a listener would start a stopped worker there, and recount, while the popup opens
 * (docs/popup-speed.md).
 */
export function createBadgeController(deps: BadgeDeps): BadgeController {
  const debounceMs = deps.debounceMs ?? 250;
  const tabSettleMs = deps.tabSettleMs ?? 50;
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const report = (error: unknown): void => deps.onError?.(error);
  /**
   * The newest recount per tab: an older one is aborted (its weak-secret search stops between candidates) and,
   * should it finish anyway, must not overwrite the newer badge.
   */
  const current = new Map<number, AbortController>();
  const now = deps.now ?? (() => Date.now());
  let changed = new Map<string, Pick<CookieRecord, 'domain' | 'hostOnly'>>();
  let lastChange = 0;
  let timer: unknown;
  /**
   * Tabs whose recount is waiting for their burst of events to settle, with the address the latest of those events
   * gave, if any: a page that is not a web page is cleared without reading the tab or its cookies.
   */
  const settling = new Map<number, string | undefined>();

  /** Fires `debounceMs` after the last change: a timer that finds a newer change waits out the rest. */
  function arm(ms: number): void {
    timer = setTimer(() => {
      const quietFor = now() - lastChange;
      if (quietFor < debounceMs) return arm(debounceMs - quietFor);
      timer = undefined;
      const batch = [...changed.values()];
      changed = new Map();
      recountActiveIfTouched(batch).catch(report);
    }, ms);
  }

  /** `url`: the tab's address as its latest event gave it; a page that is not a web page has no count to read. */
  async function update(tabId: number, url?: string): Promise<void> {
    current.get(tabId)?.abort();
    const mine = new AbortController();
    current.set(tabId, mine);
    let findings: readonly Pick<Finding, 'severity'>[] = [];
    if (url === undefined || isHttpUrl(url)) {
      const result = await deps.loadTabCookies(tabId);
      if (mine.signal.aborted) return;
      if (result.ok) findings = await deps.findings(result.url, result.cookies, mine.signal);
      if (mine.signal.aborted) return;
    }
    await deps.setBadge(tabId, badgeFor(findings));
  }

  function run(tabId: number, url?: string): void {
    update(tabId, url).catch(report);
  }

  /** Recounts `tabId` once its burst of events has settled (one recount, reading the tab as it is by then). */
  function soon(tabId: number, url?: string): void {
    const waiting = settling.has(tabId);
    if (url !== undefined || !waiting) settling.set(tabId, url);
    if (waiting) return;
    setTimer(() => {
      // Gone from the map: the tab was closed meanwhile.
      if (!settling.has(tabId)) return;
      const latest = settling.get(tabId);
      settling.delete(tabId);
      run(tabId, latest);
    }, tabSettleMs);
  }

  async function recountActiveIfTouched(cookies: Pick<CookieRecord, 'domain' | 'hostOnly'>[]): Promise<void> {
    const touched = (await deps.activeTabs()).filter((tab) => {
      const host = tab.url === undefined ? undefined : hostOf(tab.url);
      return host !== undefined && cookies.some(inSiteOf(host));
    });
    await Promise.all(touched.map((tab) => update(tab.id)));
  }

  return {
    update,
    tabUpdated(tabId, change) {
      if (change.url !== undefined || change.complete) soon(tabId, change.url);
    },
    tabActivated(tabId) {
      soon(tabId);
    },
    cookieChanged(cookie) {
      // One entry per site, and no timer call per event: a storm of changes costs the worker a map write each.
      changed.set(`${cookie.hostOnly ? 'h' : 'd'}:${cookie.domain}`, {
        domain: cookie.domain,
        hostOnly: cookie.hostOnly,
      });
      lastChange = now();
      if (timer === undefined) arm(debounceMs);
    },
    tabRemoved(tabId) {
      settling.delete(tabId);
      current.get(tabId)?.abort();
      current.delete(tabId);
    },
  };
}
