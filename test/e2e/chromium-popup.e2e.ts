import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { tabIdOf } from './harness/extension-messages';
import { expectFixtureRows } from './harness/expect-rows';
import { markupTrace, recordDialogs } from './harness/hostile';
import { screenshotOnFailure } from './harness/artifacts';
import { cookieRows, openRealPopup, waitForViewState } from './harness/views';
import { POPUP_PATH } from './harness/paths';
import {
  CANARY_TEXT,
  HOSTILE_TEXT,
  JWT_CLAIMS,
  JWT_LIFETIME_S,
  fixtureCookies,
  startSite,
  type RunningSite,
} from './site/test-site';

// A `*.localhost` host: Chromium resolves it to loopback itself and keeps Secure cookies on it over http, and
// a Domain cookie on its parent (`wide`) is possible.
const HOST = 'app.sessionscope.localhost';
const row = (name: string) => `[data-testid="cookie-row"][data-name=${JSON.stringify(name)}]`;

interface OpenedView {
  view: Page;
  /** Dialogs seen since the listener could be attached (before load for the tab, after it for the real popup). */
  dialogs: string[];
}

describe('Chromium popup', () => {
  let site: RunningSite;
  let chromium: ChromiumSession | undefined;
  let testPage: Page;
  let tabId: number;
  screenshotOnFailure(() => chromium?.browser);

  beforeAll(async () => {
    site = await startSite(HOST, { parentDomain: 'sessionscope.localhost' });
    chromium = await launchChromium();
    testPage = await chromium.openPage(site.url('/'));
    tabId = await tabIdOf(chromium.control, site.url('/'));
  });
  // Views a failed test left open would stay open (and a second toolbar click would close the real popup).
  const opened: Page[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close().catch(() => undefined)));
  });
  const track = (view: Page, dialogs: string[]): OpenedView => {
    view.setDefaultTimeout(10_000);
    opened.push(view);
    return { view, dialogs };
  };
  afterAll(async () => {
    await chromium?.close();
    await site?.stop();
  });

  const modes: [string, () => Promise<OpenedView>][] = [
    [
      'as a tab with ?tabId=',
      async () => {
        const view = await chromium!.browser.newPage();
        const opened = track(view, recordDialogs(view));
        await view.goto(`${chromium!.extensionUrl(POPUP_PATH)}?tabId=${tabId}`, { waitUntil: 'load' });
        return opened;
      },
    ],
    [
      'as the real popup from the toolbar button',
      async () => {
        const view = await openRealPopup(chromium!, testPage);
        return track(view, recordDialogs(view));
      },
    ],
  ];

  describe.each(modes)('%s', (_mode, open) => {
    it('shows every cookie of the site with its flags', async () => {
      const { view } = await open();
      expect(await waitForViewState(view, 'popup')).toBe('ready');
      expect(await view.$eval('[data-testid="site-host"]', (el) => el.textContent)).toContain(HOST);
      const rows = await cookieRows(view);
      expectFixtureRows(rows, fixtureCookies());
      // The Domain cookie keeps the store's leading dot; host-only cookies carry the bare host.
      expect(rows.get('wide')?.domain).toBe('.sessionscope.localhost');
      expect(rows.get('theme')?.domain).toBe(HOST);
      await view.close();
    });

    it('marks connect.sid as a session cookie and says why', async () => {
      const { view } = await open();
      await waitForViewState(view, 'popup');
      await view.waitForSelector(row('connect.sid'));
      expect(await view.$eval(row('connect.sid'), (el) => el.getAttribute('data-session'))).toBe('true');
      const reason = await view.$eval(`${row('connect.sid')} [data-testid="session-reason"]`, (el) => el.textContent);
      expect(reason).toMatch(/connect\.sid/);
      expect(await view.$(`${row('theme')} [data-testid="session-reason"]`)).toBeNull();
      // A browser-session cookie says so; a persistent one shows a date instead.
      expect(await view.$eval(`${row('connect.sid')} [data-testid="cookie-expiry"]`, (el) => el.textContent)).toMatch(
        /session/i,
      );
      expect(await view.$eval(`${row('theme')} [data-testid="cookie-expiry"]`, (el) => el.textContent)).not.toMatch(
        /^\s*session\s*$/i,
      );
      await view.close();
    });

    it("decodes the JWT's claims when its row is expanded", async () => {
      const { view } = await open();
      await waitForViewState(view, 'popup');
      await view.click(`${row('jwt')} [data-testid="cookie-toggle"]`);
      await view.waitForSelector(`${row('jwt')} [data-testid="cookie-detail"] [data-testid="jwt-claims"]`);
      expect(await view.$eval(`${row('jwt')} [data-testid="decoded"]`, (el) => el.getAttribute('data-format'))).toBe(
        'jwt',
      );
      expect(await view.$(`${row('jwt')} [data-testid="jwt-header"]`)).not.toBeNull();
      const claim = (name: string) =>
        view.$eval(`${row('jwt')} [data-testid="claim"][data-claim="${name}"]`, (el) => el.textContent ?? '');
      expect(await claim('sub')).toContain(JWT_CLAIMS.sub);
      expect(await claim('name')).toContain(JWT_CLAIMS.name);
      expect(await claim('role')).toContain(JWT_CLAIMS.role);
      // exp is about an hour from now: the readable date carries this year (or next, around New Year).
      const expText = await claim('exp');
      const expYear = new Date(Date.now() + JWT_LIFETIME_S * 1000).getFullYear();
      expect(expText).toMatch(new RegExp(`${expYear}`));
      expect(await claim('iat')).not.toBe('');
      expect(await view.$eval(`${row('jwt')} [data-testid="jwt-status"]`, (el) => el.getAttribute('data-status'))).toBe(
        'valid',
      );

      await view.click(`${row('jwt_expired')} [data-testid="cookie-toggle"]`);
      const status = await view.waitForSelector(`${row('jwt_expired')} [data-testid="jwt-status"]`);
      expect(await status!.evaluate((el) => el.getAttribute('data-status'))).toBe('expired');
      await view.close();
    });

    it('shows hostile cookie values as text and runs none of them', async () => {
      const { view, dialogs } = await open();
      await waitForViewState(view, 'popup');
      const value = (name: string) =>
        view.$eval(`${row(name)} [data-testid="cookie-value"]`, (el) => el.textContent ?? '');
      // The value may be shortened with an ellipsis, but what is shown is the markup as characters.
      expect(await value('xss')).toContain(HOSTILE_TEXT.slice(0, 20));
      expect(await value('xss_canary')).toContain(CANARY_TEXT.slice(0, 20));
      // Expanding renders the full value and its decoding (the URL-encoded one may be shown decoded).
      for (const name of ['xss', 'xss_encoded', 'xss_canary']) {
        await view.click(`${row(name)} [data-testid="cookie-toggle"]`);
        await view.waitForSelector(`${row(name)} [data-testid="cookie-detail"]`);
      }
      expect(await view.$eval(row('xss'), (el) => el.textContent)).toContain(HOSTILE_TEXT);
      // Let any image error event and handler run before looking for their traces.
      await view.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      expect(await markupTrace(view)).toEqual({ hostileImages: 0, inlineHandlers: 0, pwned: undefined });
      expect(dialogs).toEqual([]);
      await view.close();
    });
  });
});
