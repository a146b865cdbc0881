import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from '../test/e2e/harness/chromium';
import { settledEntries } from '../test/e2e/harness/change-log';
import { tabIdOf } from '../test/e2e/harness/extension-messages';
import { tabPopup } from '../test/e2e/harness/views';
import { waitUntil } from '../test/e2e/harness/wait';
import { cookieMix, setCookieHeader } from './cookie-mix';

export interface BenchSite {
  url(path: string): string;
  stop(): Promise<void>;
}

/** `/cookies?n=N` sets the benchmark mix (up to 180, Chromium's per-site limit) on 127.0.0.1. */
export async function startBenchSite(jwts: readonly string[]): Promise<BenchSite> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/cookies') {
      const n = Math.max(0, Math.min(180, Number(url.searchParams.get('n') ?? 10)));
      res.setHeader(
        'Set-Cookie',
        cookieMix(n, jwts).map((c) => setCookieHeader(c)),
      );
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><p id="ready">${n} cookies</p>`);
      return;
    }
    res.setHeader('Content-Type', 'text/html');
    res.end('<!doctype html><p>bench</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Cookies per other site in a full jar (otherSitesCookies): under Chromium's limit of 180 per site. */
const PER_OTHER_SITE = 30;

/**
 * `count` cookies of other sites, PER_OTHER_SITE to a site (`s0-other.test`, `s1-other.test`…, each a registrable
 * domain of its own), as a profile in use holds them: PERF.md's full jar is about 3,000 cookies over many sites.
 * Values of 40 to 220 characters; a third are session cookies.
 */
export function otherSitesCookies(count: number): Array<Record<string, string | number | boolean>> {
  const expires = Math.floor(Date.now() / 1000) + 86_400;
  return Array.from({ length: count }, (_, i) => ({
    name: `c${i % PER_OTHER_SITE}`,
    value: 'v'.repeat(40 + (i % 7) * 30),
    domain: `s${Math.floor(i / PER_OTHER_SITE)}-other.test`,
    path: '/',
    secure: i % 2 === 0,
    httpOnly: i % 3 === 0,
    ...(i % 3 === 1 ? {} : { expires }),
  }));
}

/**
 * A tab on the site with its `n` cookies (the browser's jar emptied first), and its tab id. `others`: that many
 * cookies of other sites put in the jar beside them (otherSitesCookies), set before the site's and settled (the
 * background has logged their changes) before the tab opens.
 */
export async function openSiteTab(
  session: ChromiumSession,
  site: BenchSite,
  n: number,
  others = 0,
): Promise<{ url: string; page: Page; tabId: number }> {
  const cdp = await session.control.createCDPSession();
  await cdp.send('Network.clearBrowserCookies');
  if (others > 0) {
    await cdp.send('Network.setCookies', { cookies: otherSitesCookies(others) as never });
    const { cookies } = await cdp.send('Network.getAllCookies');
    if (cookies.length !== others) throw new Error(`the jar holds ${cookies.length} cookies, expected ${others}`);
    // The background logs each of those changes: let it finish before anything is timed.
    await settledEntries(session.control, (e) => e.cookie.domain.endsWith('-other.test'), others, {
      quietMs: 2_000,
      timeoutMs: 120_000,
    });
  }
  await cdp.detach();
  const url = site.url(`/cookies?n=${n}`);
  const page = await session.openPage(url);
  return { url, page, tabId: await tabIdOf(session.control, url) };
}

/**
 * The address SessionScope's toolbar button opens for tab `tabId` (`action.getPopup`): the background gives each
 * tab's popup its own, `?tabId=N&url=U` (src/background/popup-address.ts). Waits until it names the tab's page `url`.
 */
export async function tabPopupAddress(session: ChromiumSession, tabId: number, url: string): Promise<string> {
  const expected = `?tabId=${tabId}&url=${encodeURIComponent(url)}`;
  return waitUntil(`tab ${tabId}'s popup address naming ${url}`, async () => {
    const popup = await tabPopup(session, tabId);
    return popup.endsWith(expected) && popup;
  });
}
