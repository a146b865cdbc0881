import type { Page as PuppeteerPage } from 'puppeteer-core';
import { cookiesForUrl } from '../core/cookie/match';
import { cookieBase, type CookieRecord } from '../core/cookie/cookie-record';
import type { ReplayOutcome } from '../core/session/invalidation-findings';
import { AuditError, messageOf } from './audit-error';
import { isPuppeteerPage, type AuditablePage, type PlaywrightPage } from './page-types';

/** How to tell a logged-in answer: the page at `url` contains `expect`. */
export interface AuthenticatedCheck {
  url: string;
  expect: string;
}

/** Characters of the answer's text searched: a logged-in marker sits near the top of any real page. */
const MAX_TEXT_CHARS = 2 * 1024 * 1024;
// A string both drivers evaluate; the page's text, bounded on the page's side.
const PAGE_TEXT = `(() => { const t = document.documentElement ? document.documentElement.textContent || '' : ''; return t.slice(0, ${MAX_TEXT_CHARS}); })()`;

interface FreshContext {
  page: {
    goto(url: string, options: { waitUntil: 'load'; timeout: number }): Promise<unknown>;
    evaluate(e: string): Promise<unknown>;
  };
  close(): Promise<void>;
}

function originOf(c: CookieRecord): string {
  const host = c.domain.replace(/^\./, '');
  return `${c.secure ? 'https' : 'http'}://${host}${c.path}`;
}

async function puppeteerContext(page: PuppeteerPage, cookies: readonly CookieRecord[]): Promise<FreshContext> {
  const context = await page.browser().createBrowserContext();
  try {
    if (cookies.length > 0) {
      await context.setCookie(...cookies.map((c) => ({ ...cookieBase(c), secure: c.secure, httpOnly: c.httpOnly })));
    }
    const fresh = await context.newPage();
    return { page: fresh as unknown as FreshContext['page'], close: () => context.close() };
  } catch (e) {
    await context.close().catch(() => undefined);
    throw e;
  }
}

async function playwrightContext(page: PlaywrightPage, cookies: readonly CookieRecord[]): Promise<FreshContext> {
  const browser = page.context().browser();
  if (!browser) throw new Error('this Playwright page has no browser to open a fresh context in');
  const context = await browser.newContext();
  try {
    if (cookies.length > 0) {
      await context.addCookies(
        cookies.map((c) =>
          // Playwright takes a host-only cookie by URL, a Domain cookie by its domain.
          c.hostOnly
            ? { name: c.name, value: c.value, url: originOf(c), secure: c.secure, httpOnly: c.httpOnly }
            : { ...cookieBase(c), secure: c.secure, httpOnly: c.httpOnly },
        ),
      );
    }
    return { page: await context.newPage(), close: () => context.close() };
  } catch (e) {
    await context.close().catch(() => undefined);
    throw e;
  }
}

/**
 * Opens `check.url` in a fresh browser context that holds nothing but the given cookies (those the URL would
 * carry, RFC 6265 domain and path matching), as a thief holding the cookies would, and reads whether the
 * answer shows the logged-in text. Redirects are followed, so a logged-out answer that redirects to a login
 * page is read as that page.
 */
export async function replaySession(
  page: AuditablePage,
  check: AuthenticatedCheck,
  cookies: readonly CookieRecord[],
  timeoutMs = 30_000,
): Promise<ReplayOutcome> {
  const replayed = cookiesForUrl(cookies, check.url).filter((c) => c.value !== '');
  let fresh: FreshContext;
  try {
    fresh = isPuppeteerPage(page) ? await puppeteerContext(page, replayed) : await playwrightContext(page, replayed);
  } catch (e) {
    throw new AuditError('unreachable', `could not open a fresh browser context: ${messageOf(e)}`, { cause: e });
  }
  try {
    await fresh.page.goto(check.url, { waitUntil: 'load', timeout: timeoutMs });
    const text = await fresh.page.evaluate(PAGE_TEXT);
    return { url: check.url, replayed, loggedIn: typeof text === 'string' && text.includes(check.expect) };
  } catch (e) {
    throw new AuditError('unreachable', `could not load ${check.url}: ${messageOf(e)}`, { cause: e });
  } finally {
    await fresh.close().catch(() => undefined);
  }
}
