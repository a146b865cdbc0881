import type { Frame, Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { withChromium } from './harness/setup';
import { makeJwt } from '../fakes/make-jwt';
import {
  inReadyDevToolsPanel,
  openDevToolsPanel,
  sessionScopePanelId,
  showDevToolsPanel,
  waitForViewState,
} from './harness/views';
import { waitUntil } from './harness/wait';
import { useDownloadDir } from './harness/download-dir';
import { allowDownloads } from './harness/export-report';
import { withStorageState } from './harness/playwright';
import { exportCookies } from './harness/transfer';
import { SPA_USER, startSpaSite } from './site/spa-site';
import { ISSUED_AT_GRACE_MS } from '../../src/core/session/login-rotation';

declare const browser: WebExtBrowser;

const HOST = 'spa.localhost';

/** The panel's Set-Cookie rows: name → outcome and reason ids. */
function setCookieRows(panel: Frame): Promise<Record<string, string>> {
  return panel.$$eval('[data-testid="set-cookie"]', (els) =>
    Object.fromEntries(
      els.map((el) => [
        el.getAttribute('data-name') ?? '',
        [
          el.getAttribute('data-outcome'),
          ...[...el.querySelectorAll('[data-testid="set-cookie-reason"]')].map((r) => r.getAttribute('data-reason')),
        ].join(' '),
      ]),
    ),
  );
}

/** Logs in with the SPA's button (a fetch) and waits for the answer. */
async function logIn(page: Page): Promise<void> {
  // A login of an earlier test left its answer on the same page: cleared, so that the wait is for this login's,
  // whose token is then the one in localStorage (each login mints a new one).
  await page.evaluate(() => {
    const who = document.getElementById('who')!;
    delete who.dataset.status;
    who.textContent = '';
  });
  await page.click('#login');
  await page.waitForSelector('#who[data-status="200"]', { timeout: 10_000 });
}

/**
 * The JWT the SPA keeps in localStorage, as the view lists it; opening it shows its claims and its finding (a JWT
 * in localStorage is readable by any script).
 */
async function expectStoredJwt(view: Page | Frame, timeout: number): Promise<void> {
  const token = await view.waitForSelector(
    '[data-testid="storage-tokens"] [data-testid="page-token"][data-location="localStorage"][data-name="access_token"]',
    { timeout },
  );
  expect(await token!.evaluate((el) => el.getAttribute('data-kind'))).toBe('jwt');
  await (await token!.$('[data-testid="page-token-toggle"]'))!.click();
  await token!.waitForSelector('[data-testid="claim"][data-claim="sub"]');
  await token!.waitForSelector('[data-testid="finding"][data-rule="jwt-js-readable"]', { timeout: 10_000 });
}

describe('Chromium DevTools panel: web storage, request headers and Set-Cookie (issue 11)', () => {
  const downloads = useDownloadDir();
  const suite = withChromium({ site: () => startSpaSite(HOST), open: '/' });

  it('an SPA that logs in with fetch: its localStorage JWT, its Bearer header and the rejected Set-Cookie headers', async () => {
    await inReadyDevToolsPanel(suite.session, suite.page, async (panel) => {
      // The login must come later than the sid's arrival by more than the grace a token's whole-second iat gets
      // (a renewal that close to the login counts as made at it). Opening DevTools usually takes longer already.
      const sidSetAt = await suite.page.evaluate(() => performance.timeOrigin);
      const early = sidSetAt + ISSUED_AT_GRACE_MS + 1_500 - Date.now();
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
      await logIn(suite.page);
      expect(await suite.page.$eval('#who', (el) => el.textContent)).toBe(`Signed in as ${SPA_USER}`);

      await expectStoredJwt(panel, 15_000);
      const header = await panel.waitForSelector(
        '[data-testid="header-tokens"] [data-testid="page-token"][data-location="header"]',
        { timeout: 15_000 },
      );
      expect((await header!.evaluate((el) => el.getAttribute('data-name')))?.toLowerCase()).toBe('authorization');

      const rows = await waitUntil(
        'the Set-Cookie rows of the login response',
        async () => {
          const r = await setCookieRows(panel);
          return r['pref'] !== undefined && r['cross'] !== undefined && r['__Host-bad'] !== undefined ? r : undefined;
        },
        { timeoutMs: 15_000 },
      );
      expect(rows['pref']).toBe('kept');
      expect(rows['cross']).toMatch(/^rejected .*rejected-samesite-none-insecure/);
      expect(rows['__Host-bad']).toMatch(/^rejected .*rejected-host-prefix/);
      // What the browser kept agrees: neither rejected cookie is in the jar.
      const names = await suite.session.control.evaluate(
        async (url: string) => (await browser.cookies.getAll({ url })).map((c) => c.name).sort(),
        suite.site.url('/'),
      );
      expect(names).toEqual(['pref', 'sid']);

      // The session card counts the stored token and the header among the site's session mechanisms.
      const kinds = await panel.$$eval('[data-testid="session-mechanism"]', (els) =>
        els.map((el) => `${el.getAttribute('data-kind')}@${el.getAttribute('data-location')}`).sort(),
      );
      expect(kinds).toEqual(expect.arrayContaining(['jwt@localStorage', 'jwt@header', 'server-session-id@cookie']));

      // The login kept the anonymous sid: the timeline says so, with the entry that set it and the login.
      const finding = await panel.waitForSelector('[data-testid="timeline-finding"][data-rule="session-not-rotated"]', {
        timeout: 15_000,
      });
      expect(await finding!.$eval('[data-testid="finding"]', (el) => el.textContent)).toMatch(/sid kept the value/);
      const setSeq = await finding!.$eval('[data-testid="timeline-evidence-set"]', (el) => el.getAttribute('data-seq'));
      const sidEntry = await panel.$eval(
        `[data-testid="timeline-entry"][data-seq="${setSeq}"]`,
        (el) => `${el.getAttribute('data-name')} ${el.getAttribute('data-removed')}`,
      );
      expect(sidEntry).toBe('sid false');
      expect(await finding!.$eval('[data-testid="timeline-evidence-login"]', (el) => el.textContent)).toMatch(
        /JWT \(sub alice, role user\) appeared in (header authorization|localStorage access_token)/i,
      );
    });
  });

  it('reads no web storage while DevTools shows another panel, and reads it again once the panel is back', async () => {
    const { devtools, panel } = await openDevToolsPanel(suite.session, suite.page);
    const listed = (name: string) =>
      `[data-testid="storage-tokens"] [data-testid="page-token"][data-location="localStorage"][data-name="${name}"]`;
    const put = (name: string) =>
      suite.page.evaluate((n: string, v: string) => localStorage.setItem(n, v), name, makeJwt({ sub: name }));
    try {
      expect(await waitForViewState(panel, 'panel')).toBe('ready');
      // Shown: a token the page stores appears at the next read (every 2 s).
      await put('shown_token');
      await panel.waitForSelector(listed('shown_token'), { timeout: 10_000 });

      // DevTools on the Elements panel: the page stores another token, and two reads' worth of time goes by.
      expect(await showDevToolsPanel(devtools, 'elements')).toBe(true);
      await put('hidden_token');
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(await panel.$(listed('hidden_token'))).toBeNull();

      // Back on SessionScope: the page is read again.
      expect(await showDevToolsPanel(devtools, sessionScopePanelId(suite.session))).toBe(true);
      await panel.waitForSelector(listed('hidden_token'), { timeout: 10_000 });
    } finally {
      await suite.page.evaluate(() => ['shown_token', 'hidden_token'].forEach((n) => localStorage.removeItem(n)));
      await devtools.close();
    }
  });

  it('the popup reads the tab’s web storage through scripting.executeScript and audits the token there', async () => {
    await logIn(suite.page);
    const popup = await suite.openReadyView('popup');
    await expectStoredJwt(popup, 10_000);
    // The session card counts it as one of the site's session mechanisms.
    await popup.waitForSelector('[data-testid="session-mechanism"][data-kind="jwt"][data-location="localStorage"]');
  });

  it('the real panel exports a Playwright storageState with the page’s localStorage, and a fresh browser is signed in', async () => {
    await logIn(suite.page);
    const token = await suite.page.evaluate(() => localStorage.getItem('access_token'));
    await inReadyDevToolsPanel(suite.session, suite.page, async (panel) => {
      // The download directory is a browser-wide setting: any page's session can set it.
      await allowDownloads(suite.page, downloads.path);
      const file = await exportCookies(panel, downloads.path, 'storage-state', 'site');
      expect(file.notes.filter((n) => n.includes('localStorage is not included'))).toEqual([]);
      const state = JSON.parse(file.text) as {
        cookies: Array<{ name: string }>;
        origins: Array<{ origin: string; localStorage: Array<{ name: string; value: string }> }>;
      };
      expect(state.cookies.map((c) => c.name).sort()).toEqual(['pref', 'sid']);
      expect(state.origins).toEqual([
        { origin: new URL(suite.site.url('/')).origin, localStorage: [{ name: 'access_token', value: token }] },
      ]);

      // The state is what Playwright loads: a fresh context has the token, and the API signs it in with it.
      await withStorageState(state, suite.site.url('/'), async (page) => {
        const who = await page.evaluate(async () => {
          const res = await fetch('/api/me', {
            headers: { Authorization: `Bearer ${localStorage.getItem('access_token')}` },
          });
          return res.text();
        });
        expect(who).toBe(`Signed in as ${SPA_USER}`);
      });
    });
  });
});
