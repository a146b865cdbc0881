import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { settledBadge, settledChangedBadge, settledNonEmptyBadge } from './harness/badge';
import { sendFrom } from './harness/extension-messages';
import { withChromium } from './harness/setup';
import { cookieRows, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';

declare const browser: WebExtBrowser;

/*
 * Chromium's cookie stores: "0" for normal windows, "1" for incognito windows, listed with their tabs by
 * cookies.getAllCookieStores (the incognito one only when the extension is allowed there, which the harness's
 * `incognito` option does). A tab beside another on the same site must see only its own store's cookies.
 */
const HOST = '127.0.0.1';
/** A script-readable, non-Secure session id: the audit counts it in the badge. */
const INSECURE_SESSION = 'n=sessionid&v=k3v9q2m8x7w1z5r4t6y0p2n8b4c7d1f3';

describe('Chromium cookie stores', () => {
  const suite = withChromium({ site: () => startSite(HOST), launch: { incognito: true }, open: '/' });

  /**
   * A window on `path` opened by the extension: incognito (as allowed), or a normal one opened without focus, the
   * first window staying the focused one. Its tab id once the page has loaded.
   */
  async function openWindowTab(path: string, { incognito }: { incognito: boolean }): Promise<number> {
    const control = suite.session.control;
    const windowId = await control.evaluate(
      async (url: string, incognito: boolean) =>
        (await browser.windows.create({ incognito, url, ...(incognito ? {} : { focused: false }) })).id ?? -1,
      suite.site.url(path),
      incognito,
    );
    return waitUntil(`the ${incognito ? 'incognito' : 'second'} window's tab to load`, () =>
      control.evaluate(async (id: number) => {
        const [tab] = await browser.tabs.query({ windowId: id });
        return tab?.status === 'complete' && tab.url?.startsWith('http') ? tab.id : undefined;
      }, windowId),
    );
  }

  const rowNames = async (view: Page) => [...(await cookieRows(view)).keys()].sort();

  it('reads the default store for a normal tab, and says so', async () => {
    const result = await sendFrom(suite.session.control, 'getTabCookies', { tabId: suite.tabId });
    expect(result.ok && result.store).toEqual({ id: '0', kind: 'default' });
    expect(result.ok && result.cookies.every((c) => c.storeId === '0')).toBe(true);
    const popup = await suite.openReadyView('popup');
    expect((await cookieRows(popup)).has('connect.sid')).toBe(true);
    expect(await popup.$('[data-testid="site-store"]')).toBeNull();
  });

  it('shows an incognito tab only its own store: popup, panel page, timeline and badge', async () => {
    const tabId = await openWindowTab(`/set?${INSECURE_SESSION}`, { incognito: true });
    const result = await sendFrom(suite.session.control, 'getTabCookies', { tabId });
    expect(result.ok && result.store).toEqual({ id: '1', kind: 'private' });
    expect(result.ok && result.cookies.map((c) => [c.name, c.storeId])).toEqual([['sessionid', '1']]);

    const popup = await suite.openView('popup', { tabId });
    expect(await waitForViewState(popup, 'popup')).toBe('ready');
    expect(await rowNames(popup)).toEqual(['sessionid']);
    expect(await popup.$eval('[data-testid="site-store"]', (el) => el.textContent)).toBe('Private window');

    const panel = await suite.openView('panel', { tabId });
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    expect(await rowNames(panel)).toEqual(['sessionid']);
    await panel.waitForSelector('[data-testid="timeline-entry"][data-name="sessionid"]');
    const timeline = await panel.$$eval('[data-testid="timeline-entry"]', (els) =>
      els.map((el) => (el as HTMLElement).dataset.name),
    );
    // The default tab's `/` set the fixture cookies on the same site: none of them is this tab's.
    expect(timeline).toEqual(['sessionid']);

    // The default tab's popup does not see the incognito cookie.
    const defaultPopup = await suite.openReadyView('popup');
    expect((await cookieRows(defaultPopup)).has('sessionid')).toBe(false);

    // Each tab's badge counts its own store: the incognito one its insecure session id, the default one its fixtures.
    expect((await settledBadge(suite.session.control, tabId, '2')).text).toBe('2');
    await suite.page.reload({ waitUntil: 'load' });
    const defaultBadge = await settledNonEmptyBadge(suite.session.control, suite.tabId);
    expect(defaultBadge.text).toMatch(/^[1-9]\d*$/);
    expect(defaultBadge.text).not.toBe('2');
  });

  it("keeps the badge of another window's active tab counting its site's cookies as they change", async () => {
    const control = suite.session.control;
    // A second normal window, not focused, its active tab on the same site as the first window's.
    const tabId = await openWindowTab('/set?n=probe&v=1', { incognito: false });
    const before = (await settledNonEmptyBadge(control, tabId)).text;
    expect(before).toMatch(/^[1-9]\d*$/);
    // The site's script-readable, non-Secure session id, set from the first window's tab: the recount after that
    // change covers the active tab of every window on the site, not only the focused window's.
    await suite.page.evaluate(async (query: string) => {
      await fetch(`/set?${query}`);
    }, INSECURE_SESSION);
    const after = (await settledChangedBadge(control, tabId, before)).text;
    expect(Number(after)).toBeGreaterThan(Number(before));
  });
});
