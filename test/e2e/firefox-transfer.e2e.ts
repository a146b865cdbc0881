import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { firefoxDownloadPrefs, useDownloadDir } from './harness/download-dir';
import { cookieStoreOfTab, tabIdOf } from './harness/extension-messages';
import { inContainerTab } from './harness/firefox';
import { withFirefox } from './harness/setup';
import { deleteAllCookies, expectEveryCookieRestored, exportCookies, importCookies, readJar } from './harness/transfer';
import { waitUntil } from './harness/wait';
import { jarPages, startTransferSite, type RunningTransferSite } from './site/transfer-site';

declare const browser: WebExtBrowser;

/**
 * Issue 8 in real Firefox: export → delete all → import gives back the same jar, every attribute, with the
 * cookies of a container tab (a BiDi user context is a `firefox-container-N` store) in their own store.
 * Firefox saves `<a download>` without asking when its download directory preferences are set.
 */
describe('export and import in Firefox (issue 8)', () => {
  // Made before the browser starts: its download preferences name it.
  const downloads = useDownloadDir();
  const suite = withFirefox<RunningTransferSite>({
    site: () => startTransferSite(),
    launch: (site) => {
      const h = site.hosts;
      return {
        prefs: {
          'network.dns.localDomains': [h.a, h.b, h.top, h.emb, h.parent].join(','),
          ...firefoxDownloadPrefs(downloads.path),
        },
      };
    },
    open: '/',
  });

  it('SessionScope JSON: export all sites → delete all → import gives back the same jar, a partitioned cookie in its partition and container cookies in their container', async () => {
    const { site, session } = suite;
    await suite.visit(jarPages(site));
    // A container: its tabs keep their cookies in their own store.
    await inContainerTab(session, async (inContainer) => {
      await inContainer.goto(site.url('/'));
      await inContainer.goto(site.url('/login?user=carol'));
      const before = await waitUntil(
        'the container session next to the default one, and the CHIPS cookie',
        async () => {
          const jar = await readJar(session.control);
          const sids = jar.filter((c) => c.name === 'sid');
          const sessions = sids.length === 2 && new Set(sids.map((c) => c.storeId)).size === 2;
          return sessions && jar.some((c) => c.name === 'chip') ? jar : undefined;
        },
      );
      const containerStore = before.find((c) => c.name === 'sid' && c.storeId !== 'firefox-default')!.storeId;
      expect(containerStore).toMatch(/^firefox-container-\d+$/);
      expect(before.filter((c) => c.name === 'dup').length).toBe(4);
      expect(before.filter((c) => c.name === 'chip').map((c) => [c.domain, c.partitionKey, c.storeId])).toEqual([
        [site.hosts.emb, `http://${site.hosts.parent}`, 'firefox-default'],
      ]);

      const view = await suite.openReadyView('popup');
      const file = await exportCookies(view, downloads.path, 'json', 'all');
      expect(file.count).toBe(before.length);
      const exported = JSON.parse(file.text) as { cookies: Array<{ storeId: string }> };
      expect(exported.cookies.filter((c) => c.storeId === containerStore).length).toBeGreaterThan(0);

      await deleteAllCookies(session.control);
      const fresh = await suite.openView('popup');
      const result = await importCookies(fresh, file.text);
      expectEveryCookieRestored(result, before.length);
      expect(await readJar(session.control)).toEqual(before);

      // The container tab is carol again, the default store alice: each session went back to its own store.
      await inContainer.goto(site.url('/account'));
      expect(await inContainer.$eval('#who', (el) => el.textContent)).toBe('Signed in as carol');
      const mine = suite.track(await session.openPage(site.url('/account')));
      expect(await mine.$eval('#who', (el) => el.textContent)).toBe('Signed in as alice');
    });
  });

  it('cookies.txt round trip keeps both paths of one name, `=` in values, the expiry and session cookies', async () => {
    // The site's cookies in the default store: the export's scope (the CHIPS cookie is emb.localhost's).
    const parent = suite.site.hosts.parent;
    const before = (await readJar(suite.session.control)).filter(
      (c) => c.storeId === 'firefox-default' && c.domain.replace(/^\./, '').endsWith(parent),
    );
    const view = await suite.openReadyView('popup');
    const file = await exportCookies(view, downloads.path, 'netscape', 'site');
    await deleteAllCookies(suite.session.control);
    const fresh = await suite.openView('popup');
    const result = await importCookies(fresh, file.text);
    expect([result.format, result.failed]).toEqual(['netscape', 0]);
    const after = await readJar(suite.session.control);
    const comparable = (c: (typeof before)[number]) => ({
      ...c,
      sameSite: undefined,
      expirationDate: c.expirationDate === null ? null : Math.floor(c.expirationDate),
    });
    expect(after.map(comparable)).toEqual(before.map(comparable));
    expect(after.find((c) => c.name === 'eq')?.value).toBe('a=b==c');
    expect(after.find((c) => c.name === 'sess')?.session).toBe(true);
  });

  it("a container tab's own export → that container cleared → import gives back its cookies, every attribute, in it; the default jar is not touched", async () => {
    const { site, session } = suite;
    const control = session.control;
    await inContainerTab(session, async (tab) => {
      // Both paths of one name, `=` in a value, session and persistent, a parent-domain cookie, HttpOnly and
      // SameSite=Strict, sibling hosts, and a login (dave), all in the container.
      for (const url of [
        site.url('/'),
        site.url('/sib', site.hosts.b),
        site.url('/sib'),
        site.url('/login?user=dave'),
      ]) {
        await tab.goto(url, { waitUntil: 'load' });
      }
      const tabId = await tabIdOf(control, tab.url());
      const storeId = await cookieStoreOfTab(control, tabId);
      expect(storeId).toMatch(/^firefox-container-\d+$/);
      const jar = await waitUntil('the container session', async () => {
        const j = await readJar(control);
        return j.some((c) => c.storeId === storeId && c.name === 'sid') ? j : undefined;
      });
      const mine = jar.filter((c) => c.storeId === storeId);
      const others = jar.filter((c) => c.storeId !== storeId);
      expect(mine.filter((c) => c.name === 'dup').map((c) => c.path)).toEqual(['/', '/deep']);
      expect(mine.filter((c) => c.name === 'sib').map((c) => c.domain)).toEqual([site.hosts.a, site.hosts.b]);
      expect(mine.find((c) => c.name === 'wide')?.hostOnly).toBe(false);
      expect(mine.find((c) => c.name === 'sess')?.session).toBe(true);
      expect(mine.find((c) => c.name === 'strict_http')).toMatchObject({ httpOnly: true, sameSite: 'strict' });
      // The default jar holds cookies of the same names: an import into the wrong store would show there.
      expect(others.some((c) => c.name === 'dup')).toBe(true);

      // The container tab's popup exports its site from its own store only.
      const view = await suite.openReadyView('popup', { tabId });
      const file = await exportCookies(view, downloads.path, 'json', 'site');
      const exported = JSON.parse(file.text) as { cookies: Array<{ storeId: string }> };
      expect([...new Set(exported.cookies.map((c) => c.storeId))]).toEqual([storeId]);
      expect(file.count).toBe(mine.length);

      await deleteAllCookies(control, storeId);
      expect(await readJar(control)).toEqual(others);
      // Every change the import makes, store by store, as the browser reports it.
      await control.evaluate(() => {
        const seen: string[] = [];
        (globalThis as { importChanges?: string[] }).importChanges = seen;
        browser.cookies.onChanged.addListener((info) => seen.push(info.cookie.storeId));
      });
      const fresh = await suite.openView('popup', { tabId });
      const result = await importCookies(fresh, file.text);
      expectEveryCookieRestored(result, mine.length);
      const after = await readJar(control);
      expect(after.filter((c) => c.storeId === storeId)).toEqual(mine);
      expect(after.filter((c) => c.storeId !== storeId)).toEqual(others);
      const changes = await control.evaluate(() => (globalThis as { importChanges?: string[] }).importChanges ?? []);
      expect(changes.length).toBeGreaterThanOrEqual(mine.length);
      expect(changes.filter((s) => s !== storeId)).toEqual([]);

      // The site sees dave again in the container tab.
      await tab.goto(site.url('/account'), { waitUntil: 'load' });
      expect(await tab.$eval('#who', (el) => el.textContent)).toBe('Signed in as dave');
    });
  });
});
