import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { createPopupController, type PopupDeps } from '../../src/state/popup-controller';
import type { TabCookiesResult } from '../../src/protocol/messages';
import { createPopupStore } from '../../src/state/create-store';
import { NOW, record } from '../ui/fixtures';
import { makeJwt } from '../fakes/make-jwt';

const URL_ = 'https://app.example.com/';
const ok = (cookies = [record({ name: 'sid' })]): TabCookiesResult => ({ ok: true, tabId: 3, url: URL_, cookies });

function deps(over: Partial<PopupDeps> = {}): PopupDeps {
  return {
    tabId: undefined,
    activeTab: vi.fn(async () => ({ id: 3, url: URL_ })),
    loadTabCookies: vi.fn(async () => ok()),
    requestHostPermission: vi.fn(async () => true),
    analyze: analyzeSite,
    now: () => NOW,
    ...over,
  };
}

/** A popup store with a controller over `d`, once the controller has loaded. */
async function loaded(d: PopupDeps) {
  const store = createPopupStore({ now: NOW });
  const c = createPopupController(store, d);
  await c.load();
  return { store, c };
}

/** From `no-permission`, the permission request asks for `asked` and, granted, the cookies are read. */
async function expectGrantedThenRead(
  { store, c }: Awaited<ReturnType<typeof loaded>>,
  d: PopupDeps,
  asked: string | undefined,
) {
  expect(store.site.state.value).toBe('no-permission');
  await c.requestPermission();
  expect(d.requestHostPermission).toHaveBeenCalledWith(asked);
  expect(store.site.state.value).toBe('ready');
}

describe('createPopupController', () => {
  it('reads the active tab and shows its analysed cookies', async () => {
    const store = createPopupStore({ now: NOW });
    const d = deps();
    await createPopupController(store, d).load();
    expect(d.loadTabCookies).toHaveBeenCalledWith(3);
    expect(store.site.state.value).toBe('ready');
    expect(store.site.cookies.value.map((c) => [c.cookie.name, c.sessionReason?.kind])).toEqual([['sid', 'name']]);
  });

  it('inspects the ?tabId tab without asking for the active one', async () => {
    const store = createPopupStore({ now: NOW });
    const d = deps({ tabId: 9 });
    await createPopupController(store, d).load();
    expect(d.activeTab).not.toHaveBeenCalled();
    expect(d.loadTabCookies).toHaveBeenCalledWith(9);
  });

  it('reports no tab when there is no active tab', async () => {
    const { store } = await loaded(deps({ activeTab: async () => undefined }));
    expect(store.site.state.value).toBe('no-tab');
  });

  it('passes the loader’s reason and its data through', async () => {
    const store = createPopupStore({ now: NOW });
    const loadTabCookies = async (): Promise<TabCookiesResult> => ({
      ok: false,
      reason: 'not-http',
      url: 'about:blank',
    });
    await createPopupController(store, deps({ loadTabCookies })).load();
    expect(store.site.state.value).toBe('not-http');
    expect(store.site.problem.value).toMatchObject({ reason: 'not-http', url: 'about:blank' });
    expect(store.site.url.value).toBe('about:blank');
  });

  it('shows an error state when reading throws', async () => {
    const { store } = await loaded(deps({ loadTabCookies: () => Promise.reject(new Error('boom')) }));
    expect(store.site.state.value).toBe('error');
    expect(store.site.problem.value).toEqual({ reason: 'error', error: 'boom' });
  });

  it('reloads after the permission is granted', async () => {
    const results: TabCookiesResult[] = [{ ok: false, reason: 'no-permission', url: URL_ }, ok()];
    const d = deps({ loadTabCookies: vi.fn(async () => results.shift()!) });
    const { store, c } = await loaded(d);
    await expectGrantedThenRead({ store, c }, d, URL_);
  });

  it('asks for every site when the tab’s URL is hidden, and forgets the last site’s URL', async () => {
    const results: TabCookiesResult[] = [ok(), { ok: false, reason: 'no-permission' }, ok()];
    const d = deps({ loadTabCookies: async () => results.shift()! });
    const { store, c } = await loaded(d);
    await c.load();
    expect(store.site.host.value).toBe('');
    await expectGrantedThenRead({ store, c }, d, undefined);
  });

  it('says so when the permission is refused or the request fails', async () => {
    const store = createPopupStore({ now: NOW });
    const denied = { ok: false, reason: 'no-permission', url: URL_ } as const;
    const c = createPopupController(
      store,
      deps({ loadTabCookies: async () => denied, requestHostPermission: async () => false }),
    );
    await c.load();
    await c.requestPermission();
    expect(store.site.state.value).toBe('no-permission');
    expect(store.site.notice.value).toEqual({ kind: 'denied' });
    const c2 = createPopupController(
      store,
      deps({
        loadTabCookies: async () => denied,
        requestHostPermission: () => Promise.reject(new Error('no gesture')),
      }),
    );
    await c2.requestPermission();
    expect(store.site.notice.value).toEqual({ kind: 'failed', error: 'no gesture' });
  });
});

describe('createPopupController: the tab’s web storage', () => {
  const jwt = makeJwt({ sub: 'alice', iat: 1 });

  it('reads the storage of a tab whose cookies it may read, and audits the tokens with the cookies', async () => {
    const readTabStorage = vi.fn(async () => ({
      ok: true as const,
      value: { origin: 'https://app.example.com', local: [['access_token', jwt]], session: [], omitted: 0 },
    }));
    const { store } = await loaded(deps({ readTabStorage }));
    expect(readTabStorage).toHaveBeenCalledWith(3);
    await vi.waitFor(() => expect(store.page.storageTokens.value.map((t) => t.name)).toEqual(['access_token']));
    await vi.waitFor(() =>
      expect(store.site.analysis.value?.siteFindings?.map((f) => f.ruleId)).toContain('jwt-js-readable'),
    );
  });

  it('does not run the script where the cookies could not be read, and keeps the reason a read failed', async () => {
    const readTabStorage = vi.fn(async () => ({
      ok: false as const,
      reason: 'unavailable' as const,
      detail: 'Cannot access contents of the page',
    }));
    const denied = async (): Promise<TabCookiesResult> => ({ ok: false, reason: 'no-permission', url: URL_ });
    const { store } = await loaded(deps({ readTabStorage, loadTabCookies: denied }));
    expect(readTabStorage).not.toHaveBeenCalled();
    await createPopupController(store, deps({ readTabStorage })).load();
    await vi.waitFor(() =>
      expect(store.page.storageProblem.value).toEqual({
        reason: 'unavailable',
        detail: 'Cannot access contents of the page',
      }),
    );
    expect(store.site.state.value).toBe('ready');
  });
});
