import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestHostPermission } from '../../src/platform/permissions';
import { loadTabCookies, loadUrlCookies, prefetchUrlCookies } from '../../src/platform/site-cookies';
import { storeOfTab } from '../../src/platform/tab-store';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

/** The answer for a new tab on `url`. */
const cookiesOfNewTab = async (url: string) => loadTabCookies(fake.tabs.add({ url }).id!);
/** The answer refuses for want of access, naming the tab's URL. */
const expectNoPermission = (answer: unknown, url: string) =>
  expect(answer).toEqual({ ok: false, reason: 'no-permission', url });

describe('platform: a tab’s cookies or the reason there are none', () => {
  beforeEach(() => fake.reset());

  it('answers with the page’s cookies when it can read them', async () => {
    const tab = fake.tabs.add({ url: 'https://app.example.com/account' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    const result = await loadTabCookies(tab.id!);
    expect(result).toMatchObject({ ok: true, tabId: tab.id, url: 'https://app.example.com/account' });
    expect(result.ok && result.cookies.map((c) => c.name)).toEqual(['sid']);
  });

  it('hands apart the page host’s cookies kept in another site’s partition, and says nothing when there are none', async () => {
    const tab = fake.tabs.add({ url: 'https://app.example.com/account' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    expect(await loadTabCookies(tab.id!)).not.toHaveProperty('elsewhere');
    const embed = { url: 'https://app.example.com/', value: 'e', secure: true, sameSite: 'no_restriction' as const };
    await fake.cookies.set({ ...embed, name: 'own', partitionKey: { topLevelSite: 'https://example.com' } });
    await fake.cookies.set({ ...embed, name: 'there', partitionKey: { topLevelSite: 'https://embedder.test' } });
    const result = await loadTabCookies(tab.id!);
    expect(result.ok && result.cookies.map((c) => c.name).sort()).toEqual(['own', 'sid']);
    expect(result.ok && result.elsewhere?.map((c) => [c.name, c.partitionKey?.topLevelSite])).toEqual([
      ['there', 'https://embedder.test'],
    ]);
  });

  it('finds the cookies of a site under a two-label public suffix, and only the page’s', async () => {
    const tab = fake.tabs.add({ url: 'https://shop.example.co.uk/cart' });
    await fake.cookies.set({ url: 'https://example.co.uk/', domain: 'example.co.uk', name: 'wide', value: '1' });
    await fake.cookies.set({ url: 'https://shop.example.co.uk/', name: 'own', value: '2' });
    await fake.cookies.set({ url: 'https://other.co.uk/', name: 'neighbour', value: '3' });
    await fake.cookies.set({ url: 'https://api.example.co.uk/', name: 'sibling', value: '4' });
    const result = await loadTabCookies(tab.id!);
    expect(result.ok && result.cookies.map((c) => c.name).sort()).toEqual(['own', 'wide']);
  });

  it('gives reasons and data, never sentences: the views put them in words', async () => {
    expect(await loadTabCookies(404)).toEqual({ ok: false, reason: 'no-tab', tabId: 404 });
    expect(await cookiesOfNewTab('about:blank')).toEqual({ ok: false, reason: 'not-http', url: 'about:blank' });
    expect(await loadUrlCookies(1, 'https://')).toEqual({ ok: false, reason: 'not-http', url: 'https://' });
    fake.permissions.revokeAll();
    expectNoPermission(await cookiesOfNewTab('https://app.example.com/'), 'https://app.example.com/');
  });

  it('calls a tab whose URL the browser hides "no permission" until every web page may be read', async () => {
    // Without host access the browser hides a tab's URL (the fake's tab without a url): it may be any web page.
    const hidden = fake.tabs.add({});
    expect(await loadTabCookies(hidden.id!)).toEqual({ ok: false, reason: 'not-http' });
    fake.permissions.granted = new Set(['https://granted.example/*']);
    expect(await loadTabCookies(hidden.id!)).toEqual({ ok: false, reason: 'no-permission' });
    // A site the user granted is read; one they did not is "no permission" with its URL (activeTab shows it).
    expect(await cookiesOfNewTab('https://granted.example/a')).toMatchObject({ ok: true });
    expectNoPermission(await cookiesOfNewTab('http://other.example/'), 'http://other.example/');
  });

  it('asks for the page’s host on every port, or for the manifest’s access to every web page when the site is unknown', async () => {
    fake.permissions.revokeAll();
    expect(await requestHostPermission('https://app.example.com/deep/path?q=1')).toBe(true);
    // Chromium's cookies API checks a cookie's host without its port: access to one port would read nothing.
    expect(await requestHostPermission('http://app.example.com:8080/')).toBe(true);
    expect(await requestHostPermission(undefined)).toBe(true);
    expect(fake.permissions.requested).toEqual([
      ['https://app.example.com/*'],
      ['http://app.example.com/*'],
      ['http://*/*', 'https://*/*'],
    ]);
    const hidden = fake.tabs.add({});
    expect(await loadTabCookies(hidden.id!)).toEqual({ ok: false, reason: 'not-http' });
  });

  /** Logs each call to the browser when made and when answered (each is a round trip); restore with vi.restoreAllMocks. */
  function traceCalls(): string[] {
    const log: string[] = [];
    const traced = <T extends object>(api: T, method: keyof T & string) => {
      const original = (api[method] as (...a: unknown[]) => Promise<unknown>).bind(api);
      vi.spyOn(api, method as never).mockImplementation((async (...args: unknown[]) => {
        log.push(`${method} asked`);
        const r = await original(...args);
        log.push(`${method} answered`);
        return r;
      }) as never);
    };
    traced(fake.tabs, 'get');
    traced(fake.cookies, 'getAllCookieStores');
    traced(fake.permissions, 'contains');
    traced(fake.cookies, 'getAll');
    return log;
  }

  it('starts the reads that need not wait for each other together, and asks about access only when it read nothing', async () => {
    const tab = fake.tabs.add({ url: 'https://app.example.com/' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    const log = traceCalls();
    try {
      const result = await loadTabCookies(tab.id!);
      expect(result.ok && result.cookies.map((c) => c.name)).toEqual(['sid']);
      expect(log.indexOf('getAllCookieStores asked')).toBeLessThan(log.indexOf('get answered'));
      // The browser lists a site's cookies only to an extension with access: reading them answered the question.
      expect(log).not.toContain('contains asked');
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('uses a read started on the popup’s guess when the tab is on that page in the default store, and only then', async () => {
    const url = 'https://app.example.com/account';
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    await fake.cookies.set({ url: 'https://other.example/', name: 'elsewhere', value: '1' });
    const tab = fake.tabs.add({ url });
    const getAll = vi.spyOn(fake.cookies, 'getAll');
    // One read of a page's cookies asks for its URL twice, as http and as https (getAllForUrl).
    const read = 2;
    try {
      // On the guessed page: the read started before the tab was asked for is the only cookie read.
      const guess = prefetchUrlCookies(url)!;
      expect(getAll).toHaveBeenCalledTimes(read);
      const result = await loadTabCookies(tab.id!, guess);
      expect(result).toMatchObject({ ok: true, url, store: { id: '0', kind: 'default' } });
      expect(result.ok && result.cookies.map((c) => c.name)).toEqual(['sid']);
      expect(getAll).toHaveBeenCalledTimes(read);
      // The tab has moved on: what was read for the guess is not shown, the tab's page is read.
      getAll.mockClear();
      const moved = fake.tabs.add({ url: 'https://other.example/' });
      const stale = await loadTabCookies(moved.id!, prefetchUrlCookies(url)!);
      expect(stale.ok && stale.cookies.map((c) => c.name)).toEqual(['elsewhere']);
      expect(getAll).toHaveBeenCalledTimes(2 * read);
      // A guess whose read failed is read again, not reported as the failure. (Each of its two queries is asked
      // twice, the second time without a partition key.)
      for (let i = 0; i < 2 * read; i++) getAll.mockRejectedValueOnce(new Error('busy'));
      const failed = prefetchUrlCookies(url)!;
      const again = await loadTabCookies(tab.id!, failed);
      expect(again.ok && again.cookies.map((c) => c.name)).toEqual(['sid']);
    } finally {
      vi.restoreAllMocks();
    }
    expect(prefetchUrlCookies('https://')).toBeUndefined();
  });

  it('never takes a guess’s read, from the default store, for a private or container tab', async () => {
    const url = 'https://app.example.com/';
    await fake.cookies.set({ url, name: 'normal', value: '1' });
    await fake.cookies.set({ url, name: 'incognito', value: '1', storeId: '1' });
    const incognito = fake.tabs.add({ url, incognito: true });
    fake.cookies.storeTabs = new Map([['1', [incognito.id!]]]);
    const r = await loadTabCookies(incognito.id!, prefetchUrlCookies(url)!);
    expect(r).toMatchObject({ ok: true, store: { id: '1', kind: 'private' } });
    expect(r.ok && r.cookies.map((c) => c.name)).toEqual(['incognito']);

    await fake.cookies.set({ url, name: 'in_box', value: '1', storeId: 'firefox-container-2' });
    const box = fake.tabs.add({ url, cookieStoreId: 'firefox-container-2' });
    const b = await loadTabCookies(box.id!, prefetchUrlCookies(url)!);
    expect(b.ok && b.cookies.map((c) => c.name)).toEqual(['in_box']);
    // A read whose cookies are another store's than the tab's default store is not taken either.
    const tab = fake.tabs.add({ url });
    fake.cookies.storeTabs = new Map([['0', [tab.id!]]]);
    const foreign = { url, cookies: Promise.resolve([{ name: 'foreign', storeId: '1' } as never]) };
    const f = await loadTabCookies(tab.id!, foreign);
    expect(f.ok && f.cookies.map((c) => c.name)).toEqual(['normal']);
  });

  it('tells an empty site from a withheld one by asking, after an empty read', async () => {
    const empty = fake.tabs.add({ url: 'https://empty.example.com/' });
    const log = traceCalls();
    try {
      expect(await loadTabCookies(empty.id!)).toMatchObject({ ok: true, cookies: [] });
      expect(log.indexOf('contains asked')).toBeGreaterThan(log.indexOf('getAll answered'));
    } finally {
      vi.restoreAllMocks();
    }
    // The site has cookies, but with access withheld the browser lists none of them: no permission, not "none".
    const tab = fake.tabs.add({ url: 'https://app.example.com/' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    fake.permissions.revokeAll();
    expectNoPermission(await loadTabCookies(tab.id!), 'https://app.example.com/');
  });

  it('hands up what the browser said when listing fails', async () => {
    vi.spyOn(fake.cookies, 'getAll').mockRejectedValue(new Error('cookie store locked'));
    const result = await cookiesOfNewTab('https://app.example.com/');
    expect(result).toMatchObject({ ok: false, reason: 'error', url: 'https://app.example.com/' });
    expect(!result.ok && result.reason === 'error' && result.error).toContain('cookie store locked');
    expect(Object.keys(result).sort()).toEqual(['error', 'ok', 'reason', 'url']);
  });

  describe('the tab’s own cookie store', () => {
    // The spies of the tests above would still answer for the fake.
    beforeEach(() => vi.restoreAllMocks());

    const names = (r: Awaited<ReturnType<typeof loadTabCookies>>) => (r.ok ? r.cookies.map((c) => c.name) : r);
    /** Asserts that tab `tabId` shows exactly `cookieNames`, read from `store`. */
    async function expectReads(tabId: number, cookieNames: string[], store: { id: string; kind: string }) {
      const r = await loadTabCookies(tabId);
      expect(names(r)).toEqual(cookieNames);
      expect(r).toMatchObject({ store });
    }

    async function firefoxJars(): Promise<void> {
      fake.cookies.defaultStoreId = 'firefox-default';
      await fake.cookies.set({ url: 'https://app.example.com/', name: 'in_default', value: '1' });
      await fake.cookies.set({
        url: 'https://app.example.com/',
        name: 'in_box',
        value: '1',
        storeId: 'firefox-container-2',
      });
      await fake.cookies.set({
        url: 'https://app.example.com/',
        name: 'in_private',
        value: '1',
        storeId: 'firefox-private',
      });
    }

    it('reads a Firefox container tab’s container, never the default jar, and says which store it read', async () => {
      await firefoxJars();
      const box = fake.tabs.add({ url: 'https://app.example.com/', cookieStoreId: 'firefox-container-2' });
      const plain = fake.tabs.add({ url: 'https://app.example.com/', cookieStoreId: 'firefox-default' });
      await expectReads(box.id!, ['in_box'], { id: 'firefox-container-2', kind: 'container' });
      await expectReads(plain.id!, ['in_default'], { id: 'firefox-default', kind: 'default' });
    });

    it('asks Firefox for no store listing: it names the store on the tab', async () => {
      await firefoxJars();
      const box = fake.tabs.add({ url: 'https://app.example.com/', cookieStoreId: 'firefox-container-2' });
      const listing = vi.spyOn(fake.cookies, 'getAllCookieStores');
      vi.stubGlobal('location', { href: 'chrome-extension://abc/popup.html' });
      try {
        await expectReads(box.id!, ['in_box'], { id: 'firefox-container-2', kind: 'container' });
        expect(listing).toHaveBeenCalledTimes(1);
        vi.stubGlobal('location', { href: 'moz-extension://abc/popup.html' });
        await expectReads(box.id!, ['in_box'], { id: 'firefox-container-2', kind: 'container' });
        expect(listing).toHaveBeenCalledTimes(1);
      } finally {
        vi.unstubAllGlobals();
      }
    });

    it('names a container when the browser tells its name, bounded; without the API it is known by its id', async () => {
      const get = vi.fn(async (id: string) => ({ name: id === 'firefox-container-2' ? 'Work'.repeat(40) : '' }));
      Object.assign(fake, { contextualIdentities: { get } });
      try {
        const box = fake.tabs.add({ url: 'https://app.example.com/', cookieStoreId: 'firefox-container-2' });
        expect((await storeOfTab(box.id!))?.name).toBe('Work'.repeat(25));
        const unnamed = fake.tabs.add({ url: 'https://app.example.com/', cookieStoreId: 'firefox-container-9' });
        expect(await storeOfTab(unnamed.id!)).toEqual({ id: 'firefox-container-9', kind: 'container' });
        get.mockRejectedValue(new Error('Contextual identities are currently disabled'));
        expect(await storeOfTab(box.id!)).toEqual({ id: 'firefox-container-2', kind: 'container' });
      } finally {
        delete (fake as { contextualIdentities?: unknown }).contextualIdentities;
      }
    });

    it('reads a private window’s store: Firefox’s firefox-private, Chromium’s incognito store by its tabs', async () => {
      await firefoxJars();
      const ffPrivate = fake.tabs.add({
        url: 'https://app.example.com/',
        cookieStoreId: 'firefox-private',
        incognito: true,
      });
      await expectReads(ffPrivate.id!, ['in_private'], { id: 'firefox-private', kind: 'private' });

      fake.reset();
      await fake.cookies.set({ url: 'https://app.example.com/', name: 'normal', value: '1' });
      await fake.cookies.set({ url: 'https://app.example.com/', name: 'incognito', value: '1', storeId: '1' });
      const normal = fake.tabs.add({ url: 'https://app.example.com/' });
      const incognito = fake.tabs.add({ url: 'https://app.example.com/', incognito: true });
      fake.cookies.storeTabs = new Map([
        ['0', [normal.id!]],
        ['1', [incognito.id!]],
      ]);
      await expectReads(incognito.id!, ['incognito'], { id: '1', kind: 'private' });
      await expectReads(normal.id!, ['normal'], { id: '0', kind: 'default' });
    });

    it('a Chromium tab no store lists yet is in the default store; a private one is an error, not the default jar', async () => {
      await fake.cookies.set({ url: 'https://app.example.com/', name: 'normal', value: '1' });
      expect(await cookiesOfNewTab('https://app.example.com/')).toMatchObject({
        ok: true,
        store: { id: '0', kind: 'default' },
      });
      const unlisted = fake.tabs.add({ url: 'https://app.example.com/', incognito: true });
      const r = await loadTabCookies(unlisted.id!);
      expect(r).toMatchObject({ ok: false, reason: 'error', url: 'https://app.example.com/' });
      expect(await storeOfTab(unlisted.id!)).toBeUndefined();
      expect(await storeOfTab(404)).toBeUndefined();
    });

    it('hands up a failing store listing as the error it is', async () => {
      vi.spyOn(fake.cookies, 'getAllCookieStores').mockRejectedValue(new Error('stores gone'));
      const r = await cookiesOfNewTab('https://app.example.com/');
      expect(r).toMatchObject({ ok: false, reason: 'error' });
      expect(!r.ok && r.reason === 'error' && r.error).toContain('stores gone');
    });
  });
});
