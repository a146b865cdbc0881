// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import {
  panelTabId,
  panelTheme,
  startPanel,
  type PanelCapabilities,
  type PanelStartDeps,
  type RunningPanel,
} from '../../src/devtools/start-panel';
import type { TabCookiesResult } from '../../src/protocol/messages';
import { NOW, record } from '../ui/fixtures';

const URL_ = 'https://app.example.com/';
const running: RunningPanel[] = [];
const roots: Element[] = [];

afterEach(() => {
  for (const p of running.splice(0)) p.stop();
  // startPanel renders on its own, outside testing-library: unmount what it mounted.
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
  cleanup();
  vi.useRealTimers();
});

const ALL: PanelCapabilities = {
  inDevtools: true,
  readCookiesDirectly: true,
  watchTabs: true,
  watchSessionStorage: true,
};

/** Fakes for every browser part, each recording its listeners so a test can see what was wired and undone. */
function fakeDeps(over: Partial<PanelStartDeps> = {}) {
  const listeners = { cookies: 0, log: 0, tabUrl: [] as number[], inspected: 0 };
  const result = (tabId: number): TabCookiesResult => ({
    ok: true,
    tabId,
    url: URL_,
    cookies: [record({ name: 'sid' })],
  });
  const watch = (count: () => void, uncount: () => void) => {
    count();
    return uncount;
  };
  /** A watcher that counts its live listeners in `listeners[key]`. */
  const counted = (key: 'cookies' | 'log' | 'inspected') =>
    vi.fn(() =>
      watch(
        () => listeners[key]++,
        () => listeners[key]--,
      ),
    );
  const deps: PanelStartDeps = {
    capabilities: ALL,
    tabId: undefined,
    inspectedTabId: vi.fn(() => 42),
    devtoolsTheme: () => 'dark',
    loadTabCookies: vi.fn(async (tabId: number) => result(tabId)),
    askBackgroundForCookies: vi.fn(async (tabId: number) => result(tabId)),
    getChangeLog: vi.fn(async () => ({ ok: true as const, entries: [], dropped: 0, capacity: 10 })),
    watchCookies: counted('cookies'),
    watchChangeLog: counted('log'),
    watchTabUrl: vi.fn((tabId: number) =>
      watch(
        () => listeners.tabUrl.push(tabId),
        () => listeners.tabUrl.pop(),
      ),
    ),
    watchInspectedNavigation: counted('inspected'),
    requestHostPermission: async () => true,
    analyze: analyzeSite,
    now: () => NOW,
    ...over,
  };
  return { deps, listeners };
}

/** The deps of the panel page opened as a tab, outside DevTools. */
const panelTabDeps = (over: Partial<PanelStartDeps> = {}) =>
  fakeDeps({ capabilities: { ...ALL, inDevtools: false }, ...over });

function start(deps: PanelStartDeps, themeRoot = document.createElement('html')) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  const panel = startPanel(deps, { root, themeRoot, timing: { debounceMs: 0, logTimeoutMs: 50 } });
  running.push(panel);
  return { panel, themeRoot };
}

/** `start`, once the panel's controller finished its first load. */
async function startLoaded(deps: PanelStartDeps) {
  const started = start(deps);
  await started.panel.controller!.ready;
  return started;
}

describe('startPanel', () => {
  it('follows DevTools’ theme in DevTools only, and survives an API that throws', () => {
    expect(panelTheme({ capabilities: ALL, devtoolsTheme: () => 'dark' })).toBe('dark');
    expect(panelTheme({ capabilities: ALL, devtoolsTheme: () => 'default' })).toBe('light');
    expect(panelTheme({ capabilities: ALL, devtoolsTheme: () => undefined })).toBeUndefined();
    const broken = () => {
      throw new Error('no devtools.panels');
    };
    expect(panelTheme({ capabilities: ALL, devtoolsTheme: broken })).toBeUndefined();
    expect(panelTheme({ capabilities: { ...ALL, inDevtools: false }, devtoolsTheme: () => 'dark' })).toBeUndefined();
    const { themeRoot } = start(fakeDeps({ devtoolsTheme: () => 'default' }).deps);
    expect(themeRoot.dataset.theme).toBe('light');
  });

  it('inspects the tab in the URL, else the inspected one, else none', () => {
    const inspected = () => 42;
    expect(panelTabId({ capabilities: ALL, tabId: 7, inspectedTabId: inspected })).toBe(7);
    expect(panelTabId({ capabilities: ALL, tabId: undefined, inspectedTabId: inspected })).toBe(42);
    const outside = { ...ALL, inDevtools: false };
    expect(panelTabId({ capabilities: outside, tabId: undefined, inspectedTabId: inspected })).toBeUndefined();
    const broken = () => {
      throw new Error('no inspectedWindow');
    };
    expect(panelTabId({ capabilities: ALL, tabId: undefined, inspectedTabId: broken })).toBeUndefined();
  });

  it('with no tab to inspect, says so and starts no controller', async () => {
    const { deps } = panelTabDeps();
    const { panel } = start(deps);
    expect(panel.controller).toBeUndefined();
    expect(panel.store.site.state.value).toBe('no-tab');
    await waitFor(() => expect(screen.getByTestId('panel').dataset.state).toBe('no-tab'));
    expect(deps.loadTabCookies).not.toHaveBeenCalled();
  });

  it('reads cookies itself where it can and watches them, every navigation signal wired and undone on stop', async () => {
    const { deps, listeners } = fakeDeps();
    const { panel } = await startLoaded(deps);
    expect(deps.loadTabCookies).toHaveBeenCalledWith(42);
    expect(deps.askBackgroundForCookies).not.toHaveBeenCalled();
    expect(panel.store.site.state.value).toBe('ready');
    await waitFor(() => expect(screen.getByTestId('panel').dataset.state).toBe('ready'));
    expect(listeners).toEqual({ cookies: 1, log: 0, tabUrl: [42], inspected: 1 });
    panel.stop();
    expect(listeners).toEqual({ cookies: 0, log: 0, tabUrl: [], inspected: 0 });
  });

  it('where it cannot (Firefox’s DevTools panel), asks the background and hears of changes through the log', async () => {
    const { deps, listeners } = fakeDeps({
      capabilities: { inDevtools: true, readCookiesDirectly: false, watchTabs: false, watchSessionStorage: true },
    });
    await startLoaded(deps);
    expect(deps.askBackgroundForCookies).toHaveBeenCalledWith(42);
    expect(deps.loadTabCookies).not.toHaveBeenCalled();
    expect(deps.watchCookies).not.toHaveBeenCalled();
    expect(listeners).toEqual({ cookies: 0, log: 1, tabUrl: [], inspected: 1 });
  });

  it('turns "Include cookie values" back off when the inspected tab goes to another site, not on the same site', async () => {
    let url = URL_;
    let navigated: () => void = () => {};
    const { deps } = fakeDeps({
      loadTabCookies: vi.fn(async (tabId: number) => ({
        ok: true as const,
        tabId,
        url,
        cookies: [record({ name: 'sid' })],
      })),
      watchInspectedNavigation: vi.fn((listener: (url: string) => void) => {
        navigated = () => listener(url);
        return () => {};
      }),
    });
    const { panel } = start(deps);
    await panel.controller!.ready;
    const toggle = () => screen.getByTestId<HTMLInputElement>('include-values');
    await waitFor(() => expect(toggle().checked).toBe(false));
    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().checked).toBe(true));
    expect(panel.store.report.includeValues.value).toBe(true);

    url = 'https://app.example.com/other/path';
    navigated();
    await waitFor(() => expect(panel.store.site.url.value).toBe(url));
    expect(toggle().checked).toBe(true);

    url = 'https://elsewhere.example.org/';
    navigated();
    await waitFor(() => expect(panel.store.site.host.value).toBe('elsewhere.example.org'));
    expect(panel.store.report.includeValues.value).toBe(false);
    await waitFor(() => expect(toggle().checked).toBe(false));
    expect(screen.queryByTestId('values-warning')).toBeNull();
  });

  it('a panel opened as a tab reads the page’s frames for its third parties (no DevTools), and stops on stop', async () => {
    const readPageUrls = vi.fn(async (_tabId: number) => ({
      ok: true as const,
      urls: ['https://app.example.com', 'https://embed.example.net'],
    }));
    const sitesCookies = vi.fn(async () => [record({ name: 'tp', domain: 'embed.example.net' })]);
    const { deps } = panelTabDeps({ tabId: 7, readPageUrls, sitesCookies });
    const { panel } = await startLoaded(deps);
    await waitFor(() => expect(panel.store.thirdParty.sites.value).toEqual(['example.net']));
    expect(readPageUrls).toHaveBeenCalledWith(7);
    await waitFor(() => expect(panel.store.thirdParty.views.value.map((v) => v.cookie.name)).toEqual(['tp']));
    panel.stop();
    const calls = readPageUrls.mock.calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(readPageUrls.mock.calls.length).toBe(calls);
  });

  it('never reads the frames of a page whose access is withheld, and reads them once the user grants it', async () => {
    const readPageUrls = vi.fn(async (_tabId: number) => ({ ok: true as const, urls: ['https://embed.example.net'] }));
    let granted = false;
    const loadTabCookies = vi.fn(async (tabId: number): Promise<TabCookiesResult> =>
      granted
        ? { ok: true, tabId, url: URL_, cookies: [record({ name: 'sid' })] }
        : { ok: false, reason: 'no-permission', url: URL_ },
    );
    const { deps } = panelTabDeps({
      tabId: 7,
      loadTabCookies,
      readPageUrls,
      sitesCookies: vi.fn(async () => []),
      requestHostPermission: async () => (granted = true),
    });
    const { panel } = await startLoaded(deps);
    expect(panel.store.site.state.value).toBe('no-permission');
    // A navigation while access is withheld re-reads the cookies, never the page.
    for (const [, listener] of vi.mocked(deps.watchTabUrl).mock.calls) listener('https://app.example.com/next');
    await waitFor(() => expect(loadTabCookies.mock.calls.length).toBeGreaterThan(1));
    expect(readPageUrls).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId('grant-permission'));
    await waitFor(() => expect(panel.store.site.state.value).toBe('ready'));
    await waitFor(() => expect(readPageUrls).toHaveBeenCalledWith(7));
    expect(panel.store.thirdParty.sites.value).toEqual(['example.net']);
  });

  it('keeps relative times current until stopped', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { deps } = panelTabDeps({ tabId: 3 });
    const root = document.createElement('div');
    roots.push(root);
    const panel = startPanel(deps, { root, tickMs: 1000 });
    running.push(panel);
    vi.advanceTimersByTime(1000);
    expect(panel.store.site.now.value).toBe(NOW + 1000);
    panel.stop();
    vi.advanceTimersByTime(5000);
    expect(panel.store.site.now.value).toBe(NOW + 1000);
  });
});
