import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { createPanelController, type PanelDeps } from '../../src/state/panel-controller';
import type { CookieChange } from '../../src/core/cookie/cookie-change';
import type { ChangeLogEntry, ChangeLogResult, TabCookiesResult } from '../../src/protocol/messages';
import { createPanelStore } from '../../src/state/create-store';
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
  };
  return tab;
}

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

describe('createPanelController', () => {
  it('loads the cookies and the site’s change log', async () => {
    const tab = fakeTab();
    tab.log = {
      entries: [{ seq: 7, time: NOW, cause: 'explicit', removed: false, cookie: record({ name: 'sid' }) }],
      dropped: 6,
    };
    const store = createPanelStore({ now: NOW });
    const d = deps(tab);
    const p = createPanelController(store, d);
    await p.ready;
    expect(store.site.state.value).toBe('ready');
    expect(d.getChangeLog).toHaveBeenCalledWith('app.example.com');
    expect(store.timeline.entries.value.map((e) => e.seq)).toEqual([7]);
    expect(store.timeline.dropped.value).toBe(6);
    p.stop();
  });

  it('updates live when a cookie of the site changes, and logs the change', async () => {
    const tab = fakeTab();
    const store = createPanelStore({ now: NOW });
    const p = createPanelController(store, deps(tab));
    await p.ready;
    tab.change({ cookie: record({ name: 'csrf', value: 't' }), removed: false, cause: 'explicit' });
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

  it('ignores changes to other sites', async () => {
    const tab = fakeTab();
    const store = createPanelStore({ now: NOW });
    const d = deps(tab);
    const p = createPanelController(store, d);
    await p.ready;
    tab.change({ cookie: record({ name: 'ad', domain: '.tracker.test' }), removed: false, cause: 'explicit' });
    await new Promise((r) => setTimeout(r, 10));
    expect(store.timeline.entries.value).toHaveLength(0);
    expect(d.loadCookies).toHaveBeenCalledTimes(1);
    p.stop();
  });

  it('reloads for the new site when the inspected page navigates', async () => {
    const tab = fakeTab();
    const store = createPanelStore({ now: NOW });
    const d = deps(tab);
    const p = createPanelController(store, d);
    await p.ready;
    tab.navigate('https://other.test/', [record({ name: 'o', domain: 'other.test' })]);
    await vi.waitFor(() => expect(store.site.host.value).toBe('other.test'));
    expect(names(store)).toEqual(['o']);
    await vi.waitFor(() => expect(d.getChangeLog).toHaveBeenLastCalledWith('other.test'));
    tab.navigate('about:blank', []);
    await vi.waitFor(() => expect(store.site.state.value).toBe('not-http'));
    expect(store.timeline.entries.value).toHaveLength(0);
    p.stop();
  });

  it('stops listening when stopped', async () => {
    const tab = fakeTab();
    const p = createPanelController(createPanelStore({ now: NOW }), deps(tab));
    await p.ready;
    expect(tab.cookieListeners).toHaveLength(1);
    p.stop();
    expect(tab.cookieListeners).toHaveLength(0);
    expect(tab.navListeners).toHaveLength(0);
  });

  it('polls the background log where it cannot watch cookies itself', async () => {
    vi.useFakeTimers();
    try {
      const tab = fakeTab();
      tab.log = {
        entries: [{ seq: 3, time: NOW, cause: 'explicit', removed: false, cookie: record({ name: 'sid' }) }],
        dropped: 0,
      };
      const store = createPanelStore({ now: NOW });
      const d = deps(tab, { watchCookies: undefined, pollMs: 1000 });
      const p = createPanelController(store, d);
      await vi.advanceTimersByTimeAsync(0);
      await p.ready;
      expect(store.timeline.entries.value.map((e) => e.seq)).toEqual([3]);
      const added = record({ name: 'late' });
      tab.jar.push(added);
      tab.log.entries.push({ seq: 4, time: NOW + 1, cause: 'explicit', removed: false, cookie: added });
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
    const tab = fakeTab();
    const logged = record({ name: 'sid', value: 'v' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const store = createPanelStore({ now: NOW });
    const d = deps(tab, {
      getChangeLog: async () => {
        await gate;
        return {
          ok: true,
          entries: [{ seq: 10, time: NOW, cause: 'explicit', removed: false, cookie: logged }],
          dropped: 0,
          capacity: 5000,
        };
      },
    });
    const p = createPanelController(store, d);
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    tab.change({ cookie: logged, removed: false, cause: 'explicit' });
    tab.change({ cookie: record({ name: 'new' }), removed: false, cause: 'explicit' });
    release();
    await p.ready;
    expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name])).toEqual([
      [10, 'sid'],
      [11, 'new'],
    ]);
    p.stop();
  });

  it('shows live changes even when the background never answers for its log', async () => {
    const tab = fakeTab();
    const store = createPanelStore({ now: NOW });
    const p = createPanelController(
      store,
      deps(tab, { getChangeLog: () => new Promise<ChangeLogResult>(() => {}), logTimeoutMs: 20 }),
    );
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    tab.change({ cookie: record({ name: 'live' }), removed: false, cause: 'explicit' });
    await p.ready;
    expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['live']);
    p.stop();
  });

  it('asks the background for new log entries when it signals a write, where cookies cannot be watched', async () => {
    const tab = fakeTab();
    const signals: Array<() => void> = [];
    const store = createPanelStore({ now: NOW });
    const d = deps(tab, {
      watchCookies: undefined,
      watchLog: (l) => {
        signals.push(l);
        return () => signals.splice(signals.indexOf(l), 1);
      },
    });
    const p = createPanelController(store, d);
    await p.ready;
    const added = record({ name: 'late' });
    tab.jar.push(added);
    tab.log.entries.push({ seq: 1, time: NOW, cause: 'explicit', removed: false, cookie: added });
    for (const s of signals) s();
    await vi.waitFor(() => expect(store.timeline.entries.value.map((e) => e.cookie.name)).toEqual(['late']));
    await vi.waitFor(() => expect(names(store)).toEqual(['late', 'sid']));
    p.stop();
    expect(signals).toHaveLength(0);
  });

  it('shows the very first change of an empty log (seq 0) when the background signals it', async () => {
    const tab = fakeTab();
    const signals: Array<() => void> = [];
    const store = createPanelStore({ now: NOW });
    const d = deps(tab, {
      watchCookies: undefined,
      watchLog: (l) => {
        signals.push(l);
        return () => undefined;
      },
    });
    const p = createPanelController(store, d);
    await p.ready;
    const first = record({ name: 'first' });
    tab.jar.push(first);
    tab.log.entries.push({ seq: 0, time: NOW, cause: 'explicit', removed: false, cookie: first });
    for (const s of signals) s();
    await vi.waitFor(() =>
      expect(store.timeline.entries.value.map((e) => [e.seq, e.cookie.name])).toEqual([[0, 'first']]),
    );
    expect(d.getChangeLog).toHaveBeenLastCalledWith('app.example.com', -1);
    p.stop();
  });
});
