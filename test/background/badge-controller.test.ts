import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeController, type BadgeDeps } from '../../src/background/badge-controller';
import type { BadgeState } from '../../src/background/badge-for';
import type { Severity } from '../../src/core/audit/finding';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import type { TabCookiesResult } from '../../src/protocol/messages';
import { cookie } from '../core/timeline/helpers';

interface Tab {
  id: number;
  url: string | undefined;
  windowId: number;
}

const SETTLE_MS = 10;

/** Findings per cookie value, so a test changes what the audit says by changing a cookie. Tab 1 shows `url`. */
function world(url: string) {
  const tabs = new Map<number, Tab>();
  const cookies = new Map<string, CookieRecord[]>();
  const severities = new Map<string, Severity[]>();
  const active = new Map<number, number>();
  const badges = new Map<number, BadgeState>();
  const deps: BadgeDeps = {
    activeTabs: async () =>
      [...active.values()].flatMap((id) => {
        const tab = tabs.get(id);
        return tab ? [{ id: tab.id, url: tab.url }] : [];
      }),
    loadTabCookies: vi.fn(async (tabId: number): Promise<TabCookiesResult> => {
      const tab = tabs.get(tabId);
      if (!tab) return { ok: false, reason: 'no-tab', tabId };
      if (!tab.url?.startsWith('http')) return { ok: false, reason: 'not-http' };
      return { ok: true, tabId, url: tab.url, cookies: cookies.get(new URL(tab.url).hostname) ?? [] };
    }),
    findings: async (_url, list) =>
      list.flatMap((c) => (severities.get(c.value) ?? []).map((severity) => ({ severity }))),
    setBadge: vi.fn(async (tabId: number, badge: BadgeState) => {
      badges.set(tabId, badge);
    }),
    debounceMs: 100,
    tabSettleMs: SETTLE_MS,
  };
  const w = {
    deps,
    badges,
    tabs,
    cookies,
    severities,
    open(id: number, url: string, windowId = 1) {
      tabs.set(id, { id, url, windowId });
      active.set(windowId, id);
    },
    /** The site `host` holds one cookie, of value `value`, in which the audit finds `found`. */
    serve(host: string, value: string, found: Severity[]) {
      cookies.set(host, [cookie({ value })]);
      severities.set(value, found);
    },
  };
  w.open(1, url);
  return w;
}

/** Lets the tab events' recount start (after SETTLE_MS) and everything it awaits run. */
const flush = () => vi.advanceTimersByTimeAsync(SETTLE_MS);

/** Runs `event`, lets the recount it starts finish, and gives the badge of `tabId` after it. */
async function badgeAfter(w: ReturnType<typeof world>, event: () => void, tabId = 1) {
  event();
  await flush();
  return w.badges.get(tabId);
}

describe('the badge controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts when the tab navigates (new url, or loading complete) and ignores other updates', async () => {
    const w = world('https://shop.test/');
    w.serve('shop.test', 'bad', ['critical', 'high', 'low']);
    const badge = createBadgeController(w.deps);
    await badgeAfter(w, () => badge.tabUpdated(1, { complete: false }));
    expect(w.deps.setBadge).not.toHaveBeenCalled();
    expect(await badgeAfter(w, () => badge.tabUpdated(1, { url: 'https://shop.test/', complete: false }))).toEqual({
      text: '2',
      color: '#8B0000',
    });
    w.severities.set('bad', ['high']);
    expect(await badgeAfter(w, () => badge.tabUpdated(1, { complete: true }))).toEqual({ text: '1', color: '#D9480F' });
  });

  it('recounts a tab once for a burst of its events, and not at all once it is closed', async () => {
    const w = world('https://shop.test/');
    w.serve('shop.test', 'bad', ['high']);
    const badge = createBadgeController(w.deps);
    // A tab opened on a page: activated, given its URL, then loaded, within a few milliseconds.
    badge.tabActivated(1);
    badge.tabUpdated(1, { url: 'https://shop.test/', complete: false });
    await vi.advanceTimersByTimeAsync(SETTLE_MS / 2);
    badge.tabUpdated(1, { complete: true });
    expect(w.deps.loadTabCookies).not.toHaveBeenCalled();
    await flush();
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(1);
    expect(w.badges.get(1)).toEqual({ text: '1', color: '#D9480F' });
    // A later event is a burst of its own.
    await badgeAfter(w, () => badge.tabUpdated(1, { complete: true }));
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(2);
    // Closed before its recount starts: none.
    badge.tabActivated(1);
    badge.tabRemoved(1);
    await flush();
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(2);
  });

  it('clears the badge of a page that is not a web page', async () => {
    const w = world('about:blank');
    const badge = createBadgeController(w.deps);
    expect(await badgeAfter(w, () => badge.tabActivated(1))).toEqual({ text: '' });
  });

  it('clears the badge of a tab that moved to a page that is not a web page, without reading the tab', async () => {
    const w = world('https://shop.test/');
    w.serve('shop.test', 'bad', ['high']);
    const badge = createBadgeController(w.deps);
    expect((await badgeAfter(w, () => badge.tabActivated(1)))?.text).toBe('1');
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(1);
    // An extension's page opened in the tab: its address comes with the event, and is no web page.
    const page = 'chrome-extension://abcdefghijklmnop/popup.html';
    w.open(1, page);
    badge.tabUpdated(1, { url: page, complete: false });
    expect(await badgeAfter(w, () => badge.tabUpdated(1, { complete: true }))).toEqual({ text: '' });
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(1);
    expect(w.deps.setBadge).toHaveBeenCalledTimes(2);
    // Back on the web page within one burst of events: the latest address counts, and the tab is read.
    w.open(1, 'https://shop.test/');
    badge.tabUpdated(1, { url: page, complete: false });
    badge.tabUpdated(1, { url: 'https://shop.test/', complete: false });
    badge.tabActivated(1);
    expect((await badgeAfter(w, () => badge.tabUpdated(1, { complete: true })))?.text).toBe('1');
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(2);
    // An event without an address reads the tab, as before.
    await badgeAfter(w, () => badge.tabActivated(1));
    expect(w.deps.loadTabCookies).toHaveBeenCalledTimes(3);
  });

  it('recounts after a burst the active tab of every window whose site it touched, and no other tab', async () => {
    const w = world('https://shop.test/');
    w.open(2, 'https://shop.test/account', 2);
    w.open(3, 'https://other.test/', 3);
    w.open(4, 'https://shop.test/cart', 3);
    w.open(5, 'https://other.test/', 3);
    w.serve('shop.test', 'bad', ['high', 'high']);
    const badge = createBadgeController(w.deps);
    badge.cookieChanged({ domain: 'shop.test', hostOnly: true });
    await vi.advanceTimersByTimeAsync(100);
    // Tabs 1 and 2 are the active tabs of their windows; tab 5 is window 3's (tab 4 is not active there).
    expect(w.badges.get(1)?.text).toBe('2');
    expect(w.badges.get(2)?.text).toBe('2');
    expect([...w.badges.keys()].sort()).toEqual([1, 2]);
    expect(
      vi
        .mocked(w.deps.loadTabCookies)
        .mock.calls.map(([id]) => id)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('recounts the active tab once after a burst of changes to cookies of its site', async () => {
    const w = world('https://www.shop.test/cart');
    w.serve('www.shop.test', 'bad', ['high']);
    const badge = createBadgeController(w.deps);
    for (let i = 0; i < 5; i++) {
      badge.cookieChanged({ domain: '.shop.test', hostOnly: false });
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(w.deps.setBadge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(w.deps.setBadge).toHaveBeenCalledTimes(1);
    expect(w.badges.get(1)?.text).toBe('1');
  });

  it('does not recount for cookies of another site', async () => {
    const w = world('https://shop.test/');
    const badge = createBadgeController(w.deps);
    badge.cookieChanged({ domain: 'evil-shop.test', hostOnly: true });
    badge.cookieChanged({ domain: '.tracker.example', hostOnly: false });
    await vi.advanceTimersByTimeAsync(500);
    expect(w.deps.setBadge).not.toHaveBeenCalled();
  });

  it('lets the newest recount win when an older one finishes later', async () => {
    const w = world('https://shop.test/');
    w.serve('shop.test', 'bad', []);
    let slow = true;
    const findings = w.deps.findings;
    w.deps.findings = async (url, list, signal) => {
      if (slow) {
        slow = false;
        await new Promise((r) => setTimeout(r, 1_000));
        return [{ severity: 'critical' }];
      }
      return findings(url, list, signal);
    };
    const badge = createBadgeController(w.deps);
    await badgeAfter(w, () => badge.tabActivated(1));
    await badgeAfter(w, () => badge.tabUpdated(1, { complete: true }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(w.badges.get(1)).toEqual({ text: '' });
    expect(w.deps.setBadge).toHaveBeenCalledTimes(1);
  });

  it('aborts the recount of a page that is no longer current, and of a closed tab', async () => {
    const w = world('https://shop.test/');
    const signals: AbortSignal[] = [];
    w.deps.findings = (_url, _list, signal) => {
      signals.push(signal);
      return new Promise(() => undefined);
    };
    const badge = createBadgeController(w.deps);
    badge.tabActivated(1);
    await flush();
    w.open(1, 'https://other.test/');
    badge.tabUpdated(1, { url: 'https://other.test/', complete: false });
    await flush();
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    badge.tabRemoved(1);
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    expect(w.deps.setBadge).not.toHaveBeenCalled();
  });

  it('recounts once after a burst of changes, however long it lasts, with no timer call per change', async () => {
    const w = world('https://shop.test/');
    const timers: number[] = [];
    const recounts = vi.fn(async () => []);
    w.deps.findings = recounts;
    const badge = createBadgeController({
      ...w.deps,
      setTimer: (run, ms) => (timers.push(ms), setTimeout(run, ms)),
    });
    for (let i = 0; i < 500; i++) {
      badge.cookieChanged({ domain: 'shop.test', hostOnly: true });
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(recounts).not.toHaveBeenCalled();
    expect(timers.length).toBeLessThan(500 / 5);
    await vi.advanceTimersByTimeAsync(100);
    expect(recounts).toHaveBeenCalledTimes(1);
  });

  it('reports a failing recount instead of throwing out of a listener', async () => {
    const w = world('https://shop.test/');
    const onError = vi.fn();
    const badge = createBadgeController({
      ...w.deps,
      onError,
      loadTabCookies: () => Promise.reject(new Error('gone')),
    });
    await badgeAfter(w, () => badge.tabActivated(1));
    expect(onError).toHaveBeenCalledWith(new Error('gone'));
  });
});
