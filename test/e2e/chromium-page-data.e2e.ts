import type { Frame } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { withChromium } from './harness/setup';
import { openDevToolsPanel, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { SPA_USER, startSpaSite } from './site/spa-site';

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

describe('Chromium DevTools panel: web storage, request headers and Set-Cookie (issue 11)', () => {
  const suite = withChromium({ site: () => startSpaSite(HOST), open: '/' });

  it('an SPA that logs in with fetch: its localStorage JWT, its Bearer header and the rejected Set-Cookie headers', async () => {
    // The real panel inside DevTools: web storage and the network are DevTools' to give.
    const { devtools, panel } = await openDevToolsPanel(suite.session, suite.page);
    try {
      expect(await waitForViewState(panel, 'panel')).toBe('ready');
      await suite.page.click('#login');
      await suite.page.waitForSelector('#who[data-status="200"]', { timeout: 10_000 });
      expect(await suite.page.$eval('#who', (el) => el.textContent)).toBe(`Signed in as ${SPA_USER}`);

      const token = await panel.waitForSelector(
        '[data-testid="storage-tokens"] [data-testid="page-token"][data-location="localStorage"][data-name="access_token"]',
        { timeout: 15_000 },
      );
      expect(await token!.evaluate((el) => el.getAttribute('data-kind'))).toBe('jwt');
      const header = await panel.waitForSelector(
        '[data-testid="header-tokens"] [data-testid="page-token"][data-location="header"]',
        { timeout: 15_000 },
      );
      expect((await header!.evaluate((el) => el.getAttribute('data-name')))?.toLowerCase()).toBe('authorization');
      // Opening the token shows its claims and its findings (a JWT in localStorage is readable by any script).
      await (await token!.$('[data-testid="page-token-toggle"]'))!.click();
      await token!.waitForSelector('[data-testid="claim"][data-claim="sub"]');
      await token!.waitForSelector('[data-testid="finding"][data-rule="jwt-js-readable"]', { timeout: 10_000 });

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
    } finally {
      await devtools.close();
    }
  });
});
