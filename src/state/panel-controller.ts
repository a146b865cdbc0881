import { cookieKey } from '../core/cookie/cookie-key';
import { bareDomain } from '../core/cookie/match';
import { inSiteOf, registrableDomain } from '../core/cookie/site';
import { otherPartitionsOnly, pagePartitionsOnly } from '../core/cookie/third-party';
import type { CookieChange } from '../core/cookie/cookie-change';
import type { ChangeLogEntry, ChangeLogResult, DroppedBy, TabCookiesResult } from '../protocol/messages';
import type { PanelStore } from './create-store';
import { createSiteLoader, type Analyze } from './load-site';
import { requestPermission } from './request-permission';
import { createThirdPartyLoader, type ThirdPartyDeps } from './third-party-slice';
import { GUARD_CAUSES } from '../core/timeline/change-log-entry';

export interface PanelDeps {
  tabId: number;
  loadCookies: (tabId: number) => Promise<TabCookiesResult>;
  /** `storeId`: only that cookie store's entries (given once the tab's store is known). */
  getChangeLog: (site: string, afterSeq?: number, storeId?: string) => Promise<ChangeLogResult>;
  /** Direct cookie events; absent where the page cannot use `cookies` (then the log is polled). */
  watchCookies?: ((listener: (change: CookieChange) => void) => () => void) | undefined;
  /** Signals that the background wrote to its change log; used, where cookies cannot be watched, instead of polling. */
  watchLog?: ((listener: () => void) => () => void) | undefined;
  /** The inspected tab navigated. */
  watchNavigation?: ((listener: () => void) => () => void) | undefined;
  requestHostPermission: (url: string | undefined) => Promise<boolean>;
  analyze: Analyze;
  /** Reads the cookies of the other sites the page talked to; without it the "third parties" view says it cannot. */
  thirdParty?: Omit<ThirdPartyDeps, 'analyze' | 'now'> | undefined;
  now?: () => number;
  /** What the weak-secret check waits for before it starts (SiteLoaderDeps.afterPaint). */
  afterPaint?: () => Promise<void>;
  /** Changes often come in bursts (a login sets several cookies): one reload per burst. */
  debounceMs?: number;
  pollMs?: number;
  /** How long to wait for the background's log before showing live changes without it. */
  logTimeoutMs?: number;
  /** After the last change seen live, how long before the log is read for the background's own entries. */
  backgroundAfterMs?: number;
}

export interface PanelController {
  /** Resolves when the first load (cookies and change log) is done. */
  ready: Promise<void>;
  reload(): Promise<void>;
  requestPermission(): Promise<void>;
  stop(): void;
}

/** Rejects after `ms`: a worker that never answers must not hold the timeline back forever. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** After the last change seen live, how long before the log is read for the background's own entries. */
export const BACKGROUND_AFTER_MS = 1_000;

/** The same change seen twice: by this page's own listener and in the background's log. */
function sameChange(a: ChangeLogEntry, b: ChangeLogEntry): boolean {
  return (
    a.removed === b.removed &&
    a.cause === b.cause &&
    a.cookie.value === b.cookie.value &&
    Math.abs(a.time - b.time) < 5000 &&
    cookieKey(a.cookie) === cookieKey(b.cookie)
  );
}

/**
 * Keeps the panel's store in step with the inspected tab: its cookies, re-read on every relevant change and
 * on navigation, and its change timeline (the background's log, then live changes).
 */
export function createPanelController(
  store: Pick<PanelStore, 'site' | 'verification' | 'timeline'> & Partial<Pick<PanelStore, 'page' | 'thirdParty'>>,
  deps: PanelDeps,
): PanelController {
  const now = deps.now ?? Date.now;
  const debounceMs = deps.debounceMs ?? 120;
  const loader = createSiteLoader(store, {
    // A partitioned cookie of this site kept for it as an embed on another top-level site is not this page's: it is
    // shown apart (site.elsewhere). The read by URL hands those apart already; this rule, with the public-suffix
    // list, also tells a partition under a bare public suffix from the page's.
    fetch: async () => {
      const r = await deps.loadCookies(deps.tabId);
      if (!r.ok) return r;
      const elsewhere = [...(r.elsewhere ?? []), ...otherPartitionsOnly(r.url, r.cookies)];
      return { ...r, cookies: pagePartitionsOnly(r.url, r.cookies), elsewhere };
    },
    analyze: deps.analyze,
    now,
    ...(deps.afterPaint ? { afterPaint: deps.afterPaint } : {}),
    ...(store.page ? { pageInputs: store.page.inputs } : {}),
  });

  const thirdParty = store.thirdParty
    ? createThirdPartyLoader(
        store.thirdParty,
        store.site,
        deps.thirdParty ? { ...deps.thirdParty, analyze: deps.analyze, now } : undefined,
      )
    : undefined;
  /** The third party the table shows whose cookie this is (its change reloads that site's), if any. */
  const thirdPartyOf = (cookie: { domain: string }): string | undefined => {
    const sites = store.thirdParty?.sites.peek() ?? [];
    if (sites.length === 0) return undefined;
    const of = registrableDomain(bareDomain(cookie.domain));
    return sites.includes(of) ? of : undefined;
  };

  let stopped = false;
  let site = '';
  /** The inspected tab's cookie store: its timeline shows only that store's changes. */
  let storeId: string | undefined;
  /** The same site in another store (a container tab beside a default one) is another timeline. */
  let shownKey = '';
  const askLog = (host: string, afterSeq?: number): Promise<ChangeLogResult> => {
    if (storeId !== undefined) return deps.getChangeLog(host, afterSeq, storeId);
    return afterSeq === undefined ? deps.getChangeLog(host) : deps.getChangeLog(host, afterSeq);
  };
  const inStore = (cookie: { storeId: string }): boolean => storeId === undefined || cookie.storeId === storeId;
  let logLoading = false;
  let buffered: ChangeLogEntry[] = [];
  /** The newest sequence number the background has given us, for polling `afterSeq`; -1 before any, so the very
   * first change (seq 0) is new too. */
  let lastLogSeq = -1;
  /**
   * The background log's next sequence number, of any site, when it was last read: where a panel that cannot watch
   * cookies (Firefox's DevTools panel) looks for the third parties' changes. Unknown until the log has answered.
   */
  let nextAnySeq: number | undefined;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  let backgroundTimer: ReturnType<typeof setTimeout> | undefined;
  let adding = false;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  const unsubscribe: Array<() => void> = [];

  async function loadLog(host: string): Promise<void> {
    logLoading = true;
    buffered = [];
    let entries: ChangeLogEntry[] = [];
    let dropped = 0;
    let droppedBy: DroppedBy = {};
    try {
      const r = await within(askLog(host), deps.logTimeoutMs ?? 3000);
      nextAnySeq = r.nextSeq;
      entries = r.entries;
      dropped = r.dropped;
      droppedBy = r.droppedBy ?? {};
    } catch {
      // No background log (worker not answering): the timeline starts with what this page sees live.
    }
    if (stopped || host !== site) return;
    lastLogSeq = entries.reduce((m, e) => Math.max(m, e.seq), -1);
    store.timeline.setTimeline(entries, dropped, droppedBy);
    const live = buffered.filter((b) => !entries.some((e) => sameChange(e, b)));
    logLoading = false;
    buffered = [];
    for (const e of live) store.timeline.appendTimeline([{ ...e, seq: store.timeline.nextLocalSeq() }]);
  }

  /**
   * Where this page watches cookies itself, its timeline is what it sees, and it never hears what only the
   * background records: a protected cookie put back, a block rule's removal, the user's own writes (cause `edited`,
   * which keep a pasted token from being taken for a login). So once changes pause, and after each write of this
   * page, the log since the last entry it gave is read again for those, which are added.
   */
  async function addBackgroundEntries(): Promise<void> {
    if (!deps.watchCookies || stopped || site === '' || logLoading || adding) return;
    adding = true;
    const host = site;
    const after = lastLogSeq;
    try {
      const r = await within(askLog(host, after), deps.logTimeoutMs ?? 3000);
      if (stopped || host !== site || logLoading || after !== lastLogSeq) return;
      const fresh = r.entries.filter((e) => e.seq > after);
      lastLogSeq = fresh.reduce((m, e) => Math.max(m, e.seq), after);
      for (const e of fresh) {
        // What SessionScope itself did (GUARD_CAUSES). A change the background found `unobserved` as it started was
        // heard by this page's own listener, if it was open.
        if (GUARD_CAUSES.has(e.cause)) store.timeline.appendTimeline([{ ...e, seq: store.timeline.nextLocalSeq() }]);
      }
    } catch {
      // The worker may be restarting: they come with the next change or write.
    } finally {
      adding = false;
    }
  }

  /**
   * What the pending reload reads of the third parties' cookies again: every site's (`'all'`: the page navigated, or a
   * change that may be anyone's), the sites some of whose cookies changed, or none. A change of the page's own cookies
   * alone reads none of theirs, and a change of one third party's reads only that site's (in Chromium a read of every
   * site lists the whole jar: about 70 ms with 3,000 cookies in the profile).
   */
  let thirdPartiesDue: 'all' | Set<string> | 'none' = 'none';
  /** The page the third parties were last read for: another page (a navigation no event told of) reads them again. */
  let thirdPartiesOf: string | undefined;

  async function reload(quiet = true, thirdParties: 'all' | ReadonlySet<string> | 'none' = 'all'): Promise<void> {
    await loader.load({ quiet });
    if (stopped) return;
    const pageUrl = store.site.url.peek();
    if (thirdParties === 'all' || pageUrl !== thirdPartiesOf) {
      thirdPartiesOf = pageUrl;
      void thirdParty?.load();
    } else if (thirdParties !== 'none') {
      void thirdParty?.load([...thirdParties]);
    }
    const host = store.site.host.value;
    storeId = store.site.tabStore.value?.id ?? storeId;
    const key = `${host}\n${storeId ?? ''}`;
    if (key !== shownKey) {
      shownKey = key;
      site = host;
      if (host === '') {
        store.timeline.setTimeline([], 0);
      } else {
        await loadLog(host);
      }
    }
  }

  /** `thirdParties`: which of their sites to read again ('all' when the change may be anyone's). */
  function scheduleReload(thirdParties: 'all' | 'none' | { site: string } = 'all'): void {
    if (stopped) return;
    if (thirdParties === 'all') thirdPartiesDue = 'all';
    else if (thirdParties !== 'none' && thirdPartiesDue !== 'all') {
      thirdPartiesDue = (thirdPartiesDue === 'none' ? new Set<string>() : thirdPartiesDue).add(thirdParties.site);
    }
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      const due = thirdPartiesDue;
      thirdPartiesDue = 'none';
      void reload(true, due);
    }, debounceMs);
  }

  function onChange(change: CookieChange): void {
    if (stopped) return;
    if (inSiteOf(site)(change.cookie) && inStore(change.cookie)) {
      const entry: ChangeLogEntry = {
        seq: 0,
        time: now(),
        cause: change.cause,
        removed: change.removed,
        cookie: change.cookie,
      };
      if (logLoading) buffered.push(entry);
      else store.timeline.appendTimeline([{ ...entry, seq: store.timeline.nextLocalSeq() }]);
      scheduleReload('none');
      clearTimeout(backgroundTimer);
      backgroundTimer = setTimeout(() => void addBackgroundEntries(), deps.backgroundAfterMs ?? BACKGROUND_AFTER_MS);
      return;
    }
    const theirs = inStore(change.cookie) ? thirdPartyOf(change.cookie) : undefined;
    if (theirs !== undefined) {
      scheduleReload({ site: theirs });
    } else if (inStore(change.cookie) && (site === '' || store.site.state.value !== 'ready' || !deps.watchNavigation)) {
      // Before the page is readable, or with no navigation events to tell us the tab moved to another site,
      // any change may be the one that matters: re-reading the tab's URL and cookies is cheap.
      scheduleReload();
    }
  }

  async function poll(): Promise<void> {
    if (stopped || site === '' || logLoading) return;
    await Promise.all([pollSite(), pollThirdParties()]);
  }

  /** The background's log, for the site's new entries: the timeline, and a reload. */
  async function pollSite(): Promise<void> {
    try {
      const r = await askLog(site, lastLogSeq);
      if (stopped) return;
      const fresh = r.entries.filter((e) => e.seq > lastLogSeq);
      if (fresh.length === 0) return;
      lastLogSeq = fresh.reduce((m, e) => Math.max(m, e.seq), lastLogSeq);
      store.timeline.appendTimeline(fresh);
      // The third parties' own entries are looked for beside these (pollThirdParties), once the log's sequence is known.
      scheduleReload(nextAnySeq === undefined ? 'all' : 'none');
    } catch {
      // The worker may be restarting; the next poll tries again.
    }
  }

  /**
   * The background's log, for the entries of every site since it was last read: a change of a third party's cookie
   * reads that site's cookies again, as a change seen live does where cookies can be watched.
   */
  async function pollThirdParties(): Promise<void> {
    const after = nextAnySeq;
    if (after === undefined || (store.thirdParty?.sites.peek() ?? []).length === 0) return;
    try {
      const r = await askLog('', after - 1);
      if (stopped) return;
      let next = after;
      for (const e of r.entries) {
        if (e.seq < after) continue;
        next = Math.max(next, e.seq + 1);
        const theirs = inStore(e.cookie) ? thirdPartyOf(e.cookie) : undefined;
        if (theirs !== undefined) scheduleReload({ site: theirs });
      }
      nextAnySeq = Math.max(nextAnySeq ?? next, next, r.nextSeq ?? next);
    } catch {
      // As for the site's entries: the next poll tries again.
    }
  }

  if (deps.watchCookies) unsubscribe.push(deps.watchCookies(onChange));
  else if (deps.watchLog) unsubscribe.push(deps.watchLog(() => void poll()));
  else pollTimer = setInterval(() => void poll(), deps.pollMs ?? 1000);
  if (deps.watchNavigation) unsubscribe.push(deps.watchNavigation(() => scheduleReload()));

  const ready = reload(false);

  return {
    ready,
    // After a write of this page (the edit slice's refresh): the background logged it before it answered.
    reload: async () => {
      await reload(true);
      await addBackgroundEntries();
    },
    requestPermission: () => requestPermission(store.site, deps.requestHostPermission, () => reload(false)),
    stop() {
      stopped = true;
      clearTimeout(reloadTimer);
      clearTimeout(backgroundTimer);
      clearInterval(pollTimer);
      thirdParty?.dispose();
      for (const u of unsubscribe) u();
    },
  };
}
