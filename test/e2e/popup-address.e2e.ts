import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from './harness/browser-session';
import { POPUP_PATH } from './harness/paths';
import { withChromium, withFirefox, type StartedSite, type Suite } from './harness/setup';
import { cookieRows, openRealPopup, tabPopup, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';

/*
 * The background gives each tab's toolbar popup an address of its own, `?tabId=N&url=U` (the page it last saw in the
 * tab), so the popup asks for that page's cookies while it asks for the tab, and shows them only if the tab is still
 * on that page (src/background/popup-address.ts, src/platform/site-cookies.ts).
 */

/** The popup opened as a tab at `search`, once settled: its rows' names, sorted. */
async function rowNames(suite: Suite<BrowserSession, StartedSite>, search: string): Promise<string[]> {
  const view = suite.track(await suite.session.openExtensionPage(`${POPUP_PATH}${search}`));
  expect(await waitForViewState(view, 'popup')).toBe('ready');
  return [...(await cookieRows(view)).keys()].sort();
}

/**
 * Installed before the popup's scripts (Chromium only: Firefox runs no preload script in an extension page): notes
 * when the tab was asked for and answered and when the cookies were asked for.
 */
const CALLS = `(() => {
  const calls = (window.__calls = []);
  for (const api of new Set([globalThis.chrome, globalThis.browser].filter(Boolean))) {
    const get = api.tabs.get.bind(api.tabs);
    api.tabs.get = (...a) => {
      calls.push('tab asked');
      return get(...a).then((t) => (calls.push('tab answered'), t));
    };
    const getAll = api.cookies.getAll.bind(api.cookies);
    api.cookies.getAll = (...a) => (calls.push('cookies asked'), getAll(...a));
  }
})()`;

function addressSuite(name: string, suite: Suite<BrowserSession, StartedSite>, chromium: boolean) {
  const search = () => `?tabId=${suite.tabId}&url=${encodeURIComponent(suite.page.url())}`;

  it(`${name}: the background names the tab's page in its popup address, and the popup there shows its cookies`, async () => {
    const address = await waitUntil('the tab’s own popup address', async () => {
      const popup = await tabPopup(suite.session, suite.tabId);
      return popup.endsWith(`${POPUP_PATH}${search()}`) && popup;
    });
    expect(address.startsWith(suite.session.extensionUrl(POPUP_PATH))).toBe(true);
    const plain = await rowNames(suite, `?tabId=${suite.tabId}`);
    expect(plain.length).toBeGreaterThan(3);
    expect(await rowNames(suite, search())).toEqual(plain);
  });

  it(`${name}: a page the tab has left is not shown: the popup reads the page the tab is on`, async () => {
    const plain = await rowNames(suite, `?tabId=${suite.tabId}`);
    // A host under another domain, with none of the site's cookies: what was read for it must not be shown.
    const elsewhere = new URL(suite.page.url());
    elsewhere.hostname = elsewhere.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const stale = `?tabId=${suite.tabId}&url=${encodeURIComponent(elsewhere.href)}`;
    expect(await rowNames(suite, stale)).toEqual(plain);
  });

  if (!chromium) return;

  it(`${name}: with the page named, the cookies are asked for before the tab answers; without, after`, async () => {
    const calls = async (s: string) => {
      const view = suite.track(
        await suite.session.openExtensionPage(`${POPUP_PATH}${s}`, (p: Page) => p.evaluateOnNewDocument(CALLS)),
      );
      expect(await waitForViewState(view, 'popup')).toBe('ready');
      return (await view.evaluate('window.__calls')) as string[];
    };
    const named = await calls(search());
    expect(named.indexOf('cookies asked')).toBeGreaterThanOrEqual(0);
    expect(named.indexOf('cookies asked')).toBeLessThan(named.indexOf('tab answered'));
    const plain = await calls(`?tabId=${suite.tabId}`);
    expect(plain.indexOf('cookies asked')).toBeGreaterThan(plain.indexOf('tab answered'));
  });

  it(`${name}: the toolbar button opens the popup at the tab's own address`, async () => {
    const session = suite.session as Parameters<typeof openRealPopup>[0];
    await waitUntil('the tab’s own popup address', async () =>
      (await tabPopup(suite.session, suite.tabId)).endsWith(search()),
    );
    const popup = suite.track(await openRealPopup(session, suite.page));
    expect(new URL(popup.url()).search).toBe(search());
    expect(await waitForViewState(popup, 'popup')).toBe('ready');
    expect([...(await cookieRows(popup)).keys()].sort()).toEqual(await rowNames(suite, `?tabId=${suite.tabId}`));
  });
}

describe('the popup’s own address per tab', () => {
  describe('Chromium', () => {
    addressSuite(
      'Chromium',
      withChromium({ site: () => startSite('address.sessionscope.localhost'), open: '/' }),
      true,
    );
  });
  describe('Firefox', () => {
    addressSuite('Firefox', withFirefox({ site: () => startSite('127.0.0.1'), open: '/' }), false);
  });
});
