import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import { sendFrom } from './harness/extension-messages';
import { withChromium, withFirefox } from './harness/setup';
import { openRealPopup, waitForViewState, type ViewRoot } from './harness/views';
import { waitUntil } from './harness/wait';
import { startXDisplay, type XDisplay } from './harness/x-display';
import { startSite } from './site/test-site';

declare const browser: WebExtBrowser;
declare const chrome: {
  developerPrivate: {
    updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
  };
};

/*
 * Issue 10: when the user withholds SessionScope's access to sites, the popup and the panel say "no permission"
 * (never "not a web page") and offer the grant; the grant from the popup's button makes the cookies readable, in
 * both browsers.
 */

/** What a view shows: its state, its message, and the grant button's label (empty without one). */
async function shown(view: Page, root: ViewRoot): Promise<{ state: string; message: string; button: string }> {
  const state = await waitForViewState(view, root);
  return view.evaluate((s: string) => {
    const text = (sel: string) => document.querySelector(sel)?.textContent ?? '';
    return {
      state: s,
      message: text('[data-testid="state-message"]'),
      button: text('[data-testid="grant-permission"]'),
    };
  }, state);
}

/**
 * `view` says `no-permission` on the tab without calling it "not a web page", offers access to every site, and the
 * background will not script the tab for its third parties either (in Chromium that script would wait as a request
 * for access, and a toolbar click would answer it instead of opening the popup). Returns what the view shows.
 */
async function expectWithheld(view: Page, root: ViewRoot, control: Page, tabId: number) {
  const seen = await shown(view, root);
  expect(seen.state).toBe('no-permission');
  expect(seen.message).not.toMatch(/not a web page/);
  expect(seen.button).toBe('Allow access to all sites');
  expect(await sendFrom(control, 'getPageUrls', { tabId })).toEqual({ ok: false, reason: 'no-permission' });
  return seen;
}

const grantedOrigins = (control: Page) => control.evaluate(async () => (await browser.permissions.getAll()).origins);

describe('Chromium: access withheld in the browser’s site-access setting, then granted from the popup', () => {
  const HOST = 'access.sessionscope.localhost';
  // Chromium asks with a native dialog, which only a browser with a window shows and only the keyboard answers:
  // this suite runs Chromium on a virtual display and presses the keys a user would.
  let screen: XDisplay | undefined;
  // Registered first, so it runs after the suite's own afterAll has closed the browser on that display.
  afterAll(async () => screen?.stop());
  const suite = withChromium({
    site: () => startSite(HOST),
    open: '/',
    launch: async () => {
      screen = await startXDisplay();
      return { display: screen.display };
    },
  });

  /** The setting of chrome://extensions ("Site access"), through the page that shows it. */
  async function setSiteAccess(s: ChromiumSession, hostAccess: 'ON_CLICK'): Promise<void> {
    const settings = suite.track(await s.browser.newPage());
    // The settings page is heavy WebUI; its API is there once the document is parsed, long before its 'load'.
    await settings.goto('chrome://extensions', { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await settings.evaluate(
      (extensionId: string, access: string) =>
        chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access }),
      s.extensionId,
      hostAccess,
    );
    await settings.close();
  }

  it('says "no permission" in the panel and the real popup, and the popup’s button grants the site', async () => {
    const s = suite.session;
    await setSiteAccess(s, 'ON_CLICK');
    expect(await grantedOrigins(s.control)).toEqual([]);

    // The panel cannot even read the tab's address: it asks for every site, and never calls it "not a web page".
    // Nor does the background script the tab for the panel's third parties (the toolbar click below must open the
    // popup, not answer that script's request).
    const panel = await expectWithheld(await suite.openView('panel'), 'panel', s.control, suite.tabId);
    expect(panel.message).toContain('has not been allowed to read this tab');

    // The toolbar button gives the popup the tab's address (activeTab), but not its cookies: it names the site.
    const popupPage = suite.track(await openRealPopup(s, suite.page));
    const popup = await shown(popupPage, 'popup');
    expect(popup.state).toBe('no-permission');
    expect(popup.message).toContain(`has not been allowed to read the cookies of ${HOST}`);
    expect(popup.button).toBe(`Allow access to ${HOST}`);

    // Chromium answers with its permission dialog, which takes the focus: the popup closes, as it does for a user.
    const closed = new Promise<void>((resolve) => popupPage.once('close', () => resolve()));
    await popupPage.click('[data-testid="grant-permission"]');
    await closed;
    expect(await grantedOrigins(s.control)).toEqual([]);

    // The dialog's focus starts on "Deny", and Chromium keeps "Allow" disabled for its first half second (so that a
    // click meant for the page cannot land on it); the user waits, moves to "Allow" and presses it.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await screen!.press('Tab', 'Return');
    // The site on every port: Chromium's cookies API checks a cookie's host without the port.
    const pattern = `http://${HOST}/*`;
    await waitUntil('Chromium to grant the site', async () =>
      ((await grantedOrigins(s.control)) ?? []).includes(pattern),
    );

    // The popup now reads the site's cookies, and only that site was granted.
    const again = suite.track(await openRealPopup(s, suite.page));
    expect((await shown(again, 'popup')).state).toBe('ready');
    expect(await again.$$eval('[data-testid="cookie-row"]', (rows) => rows.length)).toBeGreaterThan(0);
    expect(await grantedOrigins(s.control)).toEqual([pattern]);
    // The granted site's frames are read now.
    expect(await sendFrom(s.control, 'getPageUrls', { tabId: suite.tabId })).toMatchObject({ ok: true });
  });
});

describe('Firefox: host access removed, then granted from the popup’s button', () => {
  const suite = withFirefox({
    site: () => startSite('127.0.0.1'),
    open: '/',
    // Firefox asks with a doorhanger that automation cannot click; this pref answers it "allow" (its own tests
    // use it), while the request still needs the user gesture that puppeteer's click gives.
    launch: { prefs: { 'extensions.webextOptionalPermissionPrompts': false } },
  });

  const withhold = (control: Page) =>
    control.evaluate(async () => {
      const origins = (browser.runtime.getManifest() as { host_permissions: string[] }).host_permissions;
      await browser.permissions.remove({ origins });
      return (await browser.permissions.getAll()).origins;
    });

  for (const root of ['popup', 'panel'] as const) {
    it(`${root}: says "no permission", and its button makes the cookies readable`, async () => {
      const s = suite.session;
      expect(await withhold(s.control)).toEqual([]);
      const view = await suite.openView(root);
      await expectWithheld(view, root, s.control, suite.tabId);

      await view.click('[data-testid="grant-permission"]');
      const stateOf = () =>
        view.evaluate((r: string) => document.querySelector(`[data-testid="${r}"]`)?.getAttribute('data-state'), root);
      await waitUntil(`the ${root} to read the cookies`, async () => (await stateOf()) === 'ready');
      expect(await view.$$eval('[data-testid="cookie-row"]', (rows) => rows.length)).toBeGreaterThan(0);
      expect((await grantedOrigins(s.control))?.sort()).toEqual(['http://*/*', 'https://*/*']);
    });
  }
});
