import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { createPanelController, type PanelDeps } from '../../src/state/panel-controller';
import type { CookieChange } from '../../src/core/cookie/cookie-change';
import type { ChangeLogEntry, ChangeLogResult, TabCookiesResult } from '../../src/protocol/messages';
import { createPanelStore } from '../../src/state/create-panel-store';
import { setEntry } from '../fakes/make-entry';
import { NOW, record } from '../ui/fixtures';

/** A tab whose URL and cookie jar the test changes, with the listeners the panel registers. */
function fakeTab(url = 'https://app.example.com/') {
  const tab = {
    url,
    jar: [record({ name: 'sid' })] as CookieRecord[],
    log: { entries: [] as ChangeLogEntry[], dropped: 0 },
    cookieListeners: [] as Array<(c: CookieChange) => void>,
    navListeners: [] as Array<() => void>,
    change(c: CookieChange) {
      if (c.removed) tab.jar = tab.jar.filter((k) => k.name !== c.cookie.name);
      else tab.jar = [...tab.jar.filter((k) => k.name !== c.cookie.name), c.cookie];
      for (const l of tab.cookieListeners) l(c);
    },
    navigate(to: string, jar: CookieRecord[]) {
      tab.url = to;
      tab.jar = jar;
      for (const l of tab.navListeners) l();
    },
    /** A cookie set while the panel could not watch: in the jar, and in the background's log as `seq`. */
    setUnwatched(seq: number, cookie: CookieRecord, time = NOW) {
      tab.jar.push(cookie);
      tab.log.entries.push(logEntry(seq, cookie, time));
    },
  };
  return tab;
}

const logEntry = (seq: number, cookie: CookieRecord, time = NOW): ChangeLogEntry => setEntry(seq, time, cookie);
const setBy = (cookie: CookieRecord): CookieChange => ({ cookie, removed: false, cause: 'explicit' });

function deps(tab: ReturnType<typeof fakeTab>, over: Partial<PanelDeps> = {}): PanelDeps {
  return {
    tabId: 5,
    loadCookies: vi.fn(async (): Promise<TabCookiesResult> =>
      /^https?:/.test(tab.url)
        ? { ok: true, tabId: 5, url: tab.url, cookies: tab.jar.slice() }
        : { ok: false, reason: 'not-http', url: tab.url },
    ),
    getChangeLog: vi.fn(async (_site: string, afterSeq?: number): Promise<ChangeLogResult> => ({
      ok: true,
      entries: tab.log.entries.filter((e) => afterSeq === undefined || e.seq > afterSeq),
      dropped: tab.log.dropped,
      capacity: 5000,
    })),
    watchCookies: (l) => {
      tab.cookieListeners.push(l);
      return () => tab.cookieListeners.splice(tab.cookieListeners.indexOf(l), 1);
    },
    watchNavigation: (l) => {
      tab.navListeners.push(l);
      return () => tab.navListeners.splice(tab.navListeners.indexOf(l), 1);
    },
    requestHostPermission: async () => true,
    analyze: analyzeSite,
    now: () => NOW,
    debounceMs: 0,
    ...over,
  };
}

const names = (s: ReturnType<typeof createPanelStore>) => s.site.cookies.value.map((c) => c.cookie.name).sort();

/** A panel controller over a fresh store and `tab`; `over` replaces some of its deps. */
function startPanel(over: Partial<PanelDeps> = {}, tab = fakeTab()) {
  const store = createPanelStore({ now: NOW });
  const d = deps(tab, over);
  return { tab, store, d, p: createPanelController(store, d) };
}

/** `startPanel`, once its first load (cookies and log) is done. */
async function readyPanel(over: Partial<PanelDeps> = {}, tab = fakeTab()) {
  const started = startPanel(over, tab);
  await started.p.ready;
  return started;
}

/** A `watchLog` that hands the test the background's "the log was written" signal. */
function logSignals() {
  const listeners: Array<() => void> = [];
  return {
    listeners,
    watchLog: (l: () => void) => {
      listeners.push(l);
      return () => void listeners.splice(listeners.indexOf(l), 1);
    },
    signal: () => {
      for (const l of listeners) l();
    },
  };
}

describe('createPanelController', () => {
  it('loads the cookies and the site’s change log', async () => {
    const tab = fakeTab();
    tab.log = { entries: [logEntry(7, record({ name: 'sid' }))], dropped: 6 };
    const { store, d, p } = await readyPanel({}, tab);
    expect(store.site.state.value).toBe('ready');
    expect(d.getChangeLog).toHaveBeenCalledWith('app.example.com');
    expect(store.timeline.entries.value.map((e) => e.seq)).toEqual([7]);
    expect(store.timeline.dropped.value).toBe(6);
    p.stop();
  });

  it('updates live when a cookie of the site changes, and logs the change', async () => {
    const { tab, store, p } = await readyPanel();
    tab.change(setBy(record({ name: 'csrf', value: 't' })));
    expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name, e.removed])).toEqual([[1, 'csrf', false]]);
    await vi.waitFor(() => expect(names(store)).toEqual(['csrf', 'sid']));
    tab.change({ cookie: record({ name: 'sid' }), removed: true, cause: 'explicit' });
    await vi.waitFor(() => expect(names(store)).toEqual(['csrf']));
    expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name, e.removed])).toEqual([
      [1, 'csrf', false],
      [2, 'sid', true],
    ]);
    p.stop();
  });

  it("once live changes pause, adds what only the background logged (SessionScope's own entries) after what it saw", async () => {
    const tab = fakeTab();
    tab.log.entries = [logEntry(7, record({ name: 'sid' }))];
    const { store, d, p } = await readyPanel({ backgroundAfterMs: 0 }, tab);
    const jwt = record({ name: 'jwt', value: 'token-of-bob' });
    // The browser's event for the user's write (seen live too), and the background's own entry for it.
    tab.log.entries.push({ ...logEntry(21, jwt), cause: 'explicit' }, { ...logEntry(22, jwt), cause: 'edited' });
    tab.change(setBy(jwt));
    await vi.waitFor(() =>
      expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name, e.cause])).toEqual([
        [7, 'sid', 'explicit'],
        [8, 'jwt', 'explicit'],
        [9, 'jwt', 'edited'],
      ]),
    );
    expect(d.getChangeLog).toHaveBeenLastCalledWith('app.example.com', 7);
    // Read once: the next change asks only for what came after.
    tab.change(setBy(record({ name: 'csrf', value: 't' })));
    await vi.waitFor(() => expect(d.getChangeLog).toHaveBeenLastCalledWith('app.example.com', 22));
    expect(store.timeline.entries.value.map((e) => e.cause)).toEqual(['explicit', 'explicit', 'edited', 'explicit']);
    p.stop();
  });

  it('reads the log for them after a write of its own (reload), without waiting for a pause', async () => {
    const tab = fakeTab();
    const { store, p } = await readyPanel({ backgroundAfterMs: 60_000 }, tab);
    const jwt = record({ name: 'jwt', value: 'x' });
    tab.log.entries.push({ ...logEntry(3, jwt), cause: 'explicit' }, { ...logEntry(4, jwt), cause: 'edited' });
    tab.change(setBy(jwt));
    await new Promise((r) => setTimeout(r, 20));
    expect(store.timeline.entries.value.map((e) => e.cause)).toEqual(['explicit']);
    await p.reload();
    expect(store.timeline.entries.value.map((e) => e.cause)).toEqual(['explicit', 'edited']);
    p.stop();
  });

  it('ignores changes to other sites', async () => {
    const { tab, store, d, p } = await readyPanel();
    tab.change(setBy(record({ name: 'ad', domain: '.tracker.test' })));
    await new Promise((r) => setTimeout(r, 10));
    expect(store.timeline.entries.value).toHaveLength(0);
    expect(d.loadCookies).toHaveBeenCalledTimes(1);
    p.stop();
  });

  it('reloads for the new site when the inspected page navigates', async () => {
    const { tab, store, d, p } = await readyPanel();
    tab.navigate('https://other.test/', [record({ name: 'o', domain: 'other.test' })]);
    await vi.waitFor(() => expect(store.site.host.value).toBe('other.test'));
    expect(names(store)).toEqual(['o']);
    await vi.waitFor(() => expect(d.getChangeLog).toHaveBeenLastCalledWith('other.test'));
    tab.navigate('about:blank', []);
    await vi.waitFor(() => expect(store.site.state.value).toBe('not-http'));
    expect(store.timeline.entries.value).toHaveLength(0);
    p.stop();
  });

  it("keeps the site's cookies of other sites' partitions apart from the rows, as the latest read found them", async () => {
    const tab = fakeTab();
    const here = record({ name: 'here_chip', partitionKey: { topLevelSite: 'https://example.com' } });
    const there = record({ name: 'there_chip', partitionKey: { topLevelSite: 'https://embedder.test' } });
    tab.jar.push(here, there);
    const { store, p } = await readyPanel({}, tab);
    expect(names(store)).toEqual(['here_chip', 'sid']);
    expect(store.site.elsewhere.value.map((c) => c.name)).toEqual(['there_chip']);
    // A reload that reads the same cookies leaves the list as it was (nothing renders anew).
    const shown = store.site.elsewhere.value;
    tab.change(setBy(record({ name: 'sid', value: 'rotated' })));
    await vi.waitFor(() => expect(store.site.cookies.value.some((c) => c.cookie.value === 'rotated')).toBe(true));
    expect(store.site.elsewhere.value).toBe(shown);
    // Its value changed: the list is read again.
    tab.change(setBy({ ...there, value: 'new' }));
    await vi.waitFor(() => expect(store.site.elsewhere.value.map((c) => c.value)).toEqual(['new']));
    tab.navigate('about:blank', []);
    await vi.waitFor(() => expect(store.site.state.value).toBe('not-http'));
    expect(store.site.elsewhere.value).toEqual([]);
    p.stop();
  });

  it('shows only the latest read of the other partitions when two reads cross', async () => {
    const tab = fakeTab();
    const chip = (topLevelSite: string) => record({ name: 'chip', partitionKey: { topLevelSite } });
    let calls = 0;
    const answers: Array<(r: TabCookiesResult) => void> = [];
    const loadCookies = vi.fn(
      () =>
        new Promise<TabCookiesResult>((resolve) => {
          calls++;
          answers.push(resolve);
        }),
    );
    const { store, p } = startPanel({ loadCookies }, tab);
    await vi.waitFor(() => expect(calls).toBe(1));
    tab.navigate('https://app.example.com/next', tab.jar);
    await vi.waitFor(() => expect(calls).toBe(2));
    const read = (site: string): TabCookiesResult => ({
      ok: true,
      tabId: 5,
      url: 'https://app.example.com/',
      cookies: [record({ name: 'sid' })],
      // As the read by URL hands them apart (src/platform/site-cookies.ts).
      elsewhere: [chip(site)],
    });
    answers[1]!(read('https://new.test'));
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    answers[0]!(read('https://old.test'));
    await new Promise((r) => setTimeout(r, 10));
    expect(store.site.elsewhere.value.map((c) => c.partitionKey?.topLevelSite)).toEqual(['https://new.test']);
    p.stop();
  });

  it('stops listening when stopped', async () => {
    const { tab, p } = await readyPanel();
    expect(tab.cookieListeners).toHaveLength(1);
    p.stop();
    expect(tab.cookieListeners).toHaveLength(0);
    expect(tab.navListeners).toHaveLength(0);
  });

  it('polls the background log where it cannot watch cookies itself', async () => {
    vi.useFakeTimers();
    try {
      const tab = fakeTab();
      tab.log.entries = [logEntry(3, record({ name: 'sid' }))];
      const { store, d, p } = startPanel({ watchCookies: undefined, pollMs: 1000 }, tab);
      await vi.advanceTimersByTimeAsync(0);
      await p.ready;
      expect(store.timeline.entries.value.map((e) => e.seq)).toEqual([3]);
      tab.setUnwatched(4, record({ name: 'late' }), NOW + 1);
      await vi.advanceTimersByTimeAsync(1000);
      expect(d.getChangeLog).toHaveBeenLastCalledWith('app.example.com', 3);
      expect(store.timeline.entries.value.map((e) => e.seq)).toEqual([3, 4]);
      await vi.advanceTimersByTimeAsync(10);
      expect(names(store)).toEqual(['late', 'sid']);
      p.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a live change that raced the initial log without doubling one the log already has', async () => {
    const logged = record({ name: 'sid', value: 'v' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { tab, store, p } = startPanel({
      getChangeLog: async () => {
        await gate;
        return { ok: true, entries: [logEntry(10, logged)], dropped: 0, capacity: 5000 };
      },
    });
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    tab.change(setBy(logged));
    tab.change(setBy(record({ name: 'new' })));
    release();
    await p.ready;
    expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name])).toEqual([
      [10, 'sid'],
      [11, 'new'],
    ]);
    p.stop();
  });

  it('shows live changes even when the background never answers for its log', async () => {
    const { tab, store, p } = startPanel({
      getChangeLog: () => new Promise<ChangeLogResult>(() => {}),
      logTimeoutMs: 20,
    });
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    tab.change(setBy(record({ name: 'live' })));
    await p.ready;
    expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['live']);
    p.stop();
  });

  it('asks the background for new log entries when it signals a write, where cookies cannot be watched', async () => {
    const signals = logSignals();
    const { tab, store, p } = await readyPanel({ watchCookies: undefined, watchLog: signals.watchLog });
    tab.setUnwatched(1, record({ name: 'late' }));
    signals.signal();
    await vi.waitFor(() => expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['late']));
    await vi.waitFor(() => expect(names(store)).toEqual(['late', 'sid']));
    p.stop();
    expect(signals.listeners).toHaveLength(0);
  });

  it('shows the very first change of an empty log (seq 0) when the background signals it', async () => {
    const signals = logSignals();
    const { tab, store, d, p } = await readyPanel({ watchCookies: undefined, watchLog: signals.watchLog });
    tab.setUnwatched(0, record({ name: 'first' }));
    signals.signal();
    await vi.waitFor(() =>
      expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name])).toEqual([[0, 'first']]),
    );
    expect(d.getChangeLog).toHaveBeenLastCalledWith('app.example.com', -1);
    p.stop();
  });

  it('reads a third party again when one of its cookies changes, all of them when the page navigates, none for the page’s own cookie', async () => {
    const tp = record({ name: 'tp', domain: '.cdn.test', hostOnly: false });
    const ad = record({ name: 'ad', domain: '.ads.test', hostOnly: false });
    const sitesCookies = vi.fn(async (_sites: readonly string[]) => [tp, ad]);
    const { tab, store, d, p } = await readyPanel({ thirdParty: { sitesCookies, settleMs: 0 } });
    store.thirdParty.showPageUrls(['https://app.example.com', 'https://cdn.test', 'https://ads.test']);
    await vi.waitFor(() => expect(store.thirdParty.views.value.map((v) => v.cookie.name)).toEqual(['tp', 'ad']));
    expect(sitesCookies).toHaveBeenCalledTimes(1);
    expect(sitesCookies.mock.calls[0]![0]).toEqual(['cdn.test', 'ads.test']);
    // The page's own cookie: the page is read again, the third parties are not.
    tab.change(setBy(record({ name: 'csrf', value: 't' })));
    await vi.waitFor(() => expect(names(store)).toEqual(['csrf', 'sid']));
    await new Promise((r) => setTimeout(r, 20));
    expect(sitesCookies).toHaveBeenCalledTimes(1);
    // A third party's cookie: that site read again, the other's rows kept.
    tab.change(setBy(record({ name: 'tp2', domain: '.cdn.test', hostOnly: false })));
    await vi.waitFor(() => expect(sitesCookies).toHaveBeenCalledTimes(2));
    expect(sitesCookies.mock.calls[1]![0]).toEqual(['cdn.test']);
    await vi.waitFor(() => expect(store.thirdParty.views.value.map((v) => v.cookie.name)).toEqual(['tp', 'ad']));
    // The page's and both third parties' in one burst: one reload, which reads the two sites.
    tab.change(setBy(record({ name: 'csrf', value: 'u' })));
    tab.change(setBy(record({ name: 'ad2', domain: 'x.ads.test' })));
    tab.change(setBy(record({ name: 'tp3', domain: '.cdn.test', hostOnly: false })));
    await vi.waitFor(() => expect(sitesCookies).toHaveBeenCalledTimes(3));
    expect(sitesCookies.mock.calls[2]![0]).toEqual(['cdn.test', 'ads.test']);
    // A navigation within the site, told by the navigation event: every site.
    tab.navigate('https://app.example.com/next', tab.jar);
    await vi.waitFor(() => expect(sitesCookies).toHaveBeenCalledTimes(4));
    expect(sitesCookies.mock.calls[3]![0]).toEqual(['cdn.test', 'ads.test']);
    expect(d.loadCookies).toHaveBeenCalledTimes(5);
    p.stop();
  });

  it('where cookies cannot be watched, finds a third party’s change in the log of every site and reads that site again', async () => {
    const signals = logSignals();
    const log: ChangeLogEntry[] = [];
    // Before the panel opened: a change of a third party's cookie, which the panel reads with the rest at first.
    log.push(logEntry(0, record({ name: 'old', domain: '.ads.test', hostOnly: false })));
    const getChangeLog = vi.fn(async (site: string, afterSeq?: number): Promise<ChangeLogResult> => ({
      ok: true,
      entries: log.filter(
        (e) =>
          (site === '' || e.cookie.domain.replace(/^\./, '').endsWith(site)) &&
          (afterSeq === undefined || e.seq > afterSeq),
      ),
      dropped: 0,
      capacity: 5000,
      nextSeq: log.length,
    }));
    const tp = record({ name: 'tp', domain: '.cdn.test', hostOnly: false });
    const ad = record({ name: 'ad', domain: '.ads.test', hostOnly: false });
    const sitesCookies = vi.fn(async (_sites: readonly string[]) => [tp, ad]);
    const { store, d, p } = await readyPanel({
      watchCookies: undefined,
      watchLog: signals.watchLog,
      getChangeLog,
      thirdParty: { sitesCookies, settleMs: 0 },
    });
    store.thirdParty.showPageUrls(['https://app.example.com', 'https://cdn.test', 'https://ads.test']);
    await vi.waitFor(() => expect(store.thirdParty.views.value.map((v) => v.cookie.name)).toEqual(['tp', 'ad']));
    expect(sitesCookies).toHaveBeenCalledTimes(1);
    // A third party's cookie, and one of a site the page never talked to: only the third party is read again.
    log.push(logEntry(1, record({ name: 'tp2', domain: '.cdn.test', hostOnly: false })));
    log.push(logEntry(2, record({ name: 'x', domain: 'elsewhere.test' })));
    signals.signal();
    await vi.waitFor(() => expect(sitesCookies).toHaveBeenCalledTimes(2));
    expect(sitesCookies.mock.calls[1]![0]).toEqual(['cdn.test']);
    expect(getChangeLog).toHaveBeenCalledWith('', 0);
    // Nothing new: nothing read.
    signals.signal();
    await new Promise((r) => setTimeout(r, 20));
    expect(sitesCookies).toHaveBeenCalledTimes(2);
    expect(getChangeLog).toHaveBeenLastCalledWith('', 2);
    // The page's own cookie: the page and its timeline, not the third parties.
    log.push(logEntry(3, record({ name: 'csrf' })));
    signals.signal();
    await vi.waitFor(() => expect(store.timeline.entries.value.map((e) => e.cookie.name)).toContain('csrf'));
    await vi.waitFor(() => expect(d.loadCookies).toHaveBeenCalledTimes(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(sitesCookies).toHaveBeenCalledTimes(2);
    p.stop();
  });

  it('keeps to the inspected tab’s cookie store: the log asked for it, live changes of another store left out', async () => {
    const BOX = 'firefox-container-2';
    const tab = fakeTab();
    tab.jar = [record({ name: 'sid', storeId: BOX })];
    const getChangeLog = vi.fn(
      async (_site: string, afterSeq?: number, storeId?: string): Promise<ChangeLogResult> => ({
        ok: true,
        entries: [logEntry(1, record({ name: 'box_old', storeId: BOX })), logEntry(2, record({ name: 'default_old' }))]
          .filter((e) => storeId === undefined || e.cookie.storeId === storeId)
          .filter((e) => afterSeq === undefined || e.seq > afterSeq),
        dropped: 0,
        capacity: 5000,
      }),
    );
    const loadCookies = vi.fn(async (): Promise<TabCookiesResult> => ({
      ok: true,
      tabId: 5,
      url: tab.url,
      cookies: tab.jar.slice(),
      store: { id: BOX, kind: 'container', name: 'Work' },
    }));
    const { store, p } = await readyPanel({ getChangeLog, loadCookies }, tab);
    expect(getChangeLog).toHaveBeenCalledWith('app.example.com', undefined, BOX);
    expect(store.site.tabStore.value).toEqual({ id: BOX, kind: 'container', name: 'Work' });
    expect(store.site.storeId.value).toBe(BOX);
    expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['box_old']);

    tab.change(setBy(record({ name: 'default_new' })));
    tab.change(setBy(record({ name: 'box_new', storeId: BOX })));
    await vi.waitFor(() => expect(names(store)).toContain('box_new'));
    expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['box_old', 'box_new']);
    p.stop();
  });
});
