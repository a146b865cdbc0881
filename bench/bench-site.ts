import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import type { ChromiumSession } from '../test/e2e/harness/chromium';
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

/** A tab on the site with its `n` cookies and no others (the browser's jar emptied first), and its tab id. */
export async function openSiteTab(
  session: ChromiumSession,
  site: BenchSite,
  n: number,
): Promise<{ url: string; page: Page; tabId: number }> {
  const cdp = await session.control.createCDPSession();
  await cdp.send('Network.clearBrowserCookies');
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
