import type { CookieRecord } from '../core/cookie/cookie-record';
import { READ_STORAGE_SCRIPT, storageReadOf, type StoragePairs } from '../core/detect/read-storage-script';
import type { SessionSnapshot } from '../core/session/session-snapshot';
import { isPuppeteerPage, type AuditablePage, type PlaywrightPage } from './page-types';
import { fromDriverCookie, type DriverCookie } from './from-driver-cookie';

export type StorageEntries = StoragePairs;

/** A page's session at one moment: every cookie of its store, and its web storage. */
export interface PageSession extends SessionSnapshot {
  /** Every cookie of the page's browser context (partitioned ones included), not only the page's own. */
  cookies: CookieRecord[];
  localStorage: StorageEntries;
  sessionStorage: StorageEntries;
}

async function readStorage(page: AuditablePage): Promise<{ local: StorageEntries; session: StorageEntries }> {
  try {
    const { local, session } = storageReadOf(await page.evaluate(READ_STORAGE_SCRIPT));
    return { local, session };
  } catch {
    // A page that is navigating, or not a document with storage: no web storage to report.
    return { local: [], session: [] };
  }
}

/** Chromium's cookie store ids are `'0'` for the default store; Firefox names its default `firefox-default`. */
async function storeIdOf(page: AuditablePage): Promise<string> {
  if (!isPuppeteerPage(page)) return '0';
  const version = await page.browser().version();
  return /firefox/i.test(version) ? 'firefox-default' : '0';
}

/**
 * Playwright reports a cookie set without SameSite as `Lax`, which would hide `samesite-unspecified`; on
 * Chromium the browser's own answer is one CDP call away (Storage.getCookies for the page's context, as
 * Puppeteer reads it). Elsewhere the driver's list is what there is.
 */
async function playwrightCookies(page: PlaywrightPage): Promise<DriverCookie[]> {
  const context = page.context();
  const browser = context.browser();
  if (typeof context.newCDPSession === 'function' && typeof browser?.newBrowserCDPSession === 'function') {
    const sessions: Array<{ detach(): Promise<void> }> = [];
    try {
      const pageCdp = await context.newCDPSession(page as never);
      sessions.push(pageCdp);
      const info = (await pageCdp.send('Target.getTargetInfo')) as { targetInfo?: { browserContextId?: string } };
      const browserContextId = info.targetInfo?.browserContextId;
      const browserCdp = await browser.newBrowserCDPSession();
      sessions.push(browserCdp);
      // browserContextId is only accepted on the browser target; without it the default context would answer.
      const res = (await browserCdp.send('Storage.getCookies', browserContextId ? { browserContextId } : {})) as {
        cookies?: DriverCookie[];
      };
      if (browserContextId && Array.isArray(res.cookies)) return res.cookies;
    } catch {
      // Not Chromium, or CDP refused: fall back to the driver's list.
    } finally {
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
    }
  }
  return context.cookies();
}

/** Every cookie of the page's store through the browser's own protocol (CDP or WebDriver BiDi). */
export async function readCookies(page: AuditablePage): Promise<CookieRecord[]> {
  // Asked together: the store's name and the cookies are two round trips to the browser that do not wait on
  // each other.
  const [storeId, raw] = await Promise.all([
    storeIdOf(page),
    isPuppeteerPage(page) ? page.browserContext().cookies() : playwrightCookies(page),
  ]);
  return raw.map((c) => fromDriverCookie(c, storeId));
}

/** The page's session now: its store's cookies and the web storage of its top frame. */
export async function snapshotSession(page: AuditablePage, now: () => number = Date.now): Promise<PageSession> {
  const [cookies, storage] = await Promise.all([readCookies(page), readStorage(page)]);
  return {
    url: page.url(),
    takenAtMs: now(),
    cookies,
    localStorage: storage.local,
    sessionStorage: storage.session,
  };
}

function fingerprint(s: PageSession): string {
  return JSON.stringify([s.url, s.cookies.map((c) => [c.name, c.domain, c.path, c.value]), s.localStorage.length]);
}

/** How far apart two reads of a settled page's session start, unless told otherwise (`--settle`). */
export const SETTLE_MS = 250;

/** The longest wait for a page to settle: 3 s, or four quiet periods when they are longer. */
export function settleLimitMs(settleMs: number): number {
  return Math.max(3_000, 4 * settleMs);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the page to settle: until two reads of its session that start `settleMs` apart agree (scripts that set
 * cookies or storage after `load` have run), at most `maxMs`. Returns the last read; `onRead` is given every read.
 */
export async function settledSession(
  page: AuditablePage,
  maxMs = 3_000,
  now: () => number = Date.now,
  onRead: (session: PageSession) => void = () => undefined,
  settleMs = SETTLE_MS,
): Promise<PageSession> {
  const started = Date.now();
  // Each read starts settleMs after the one before started: the wait runs while that read is under way.
  let due = started + settleMs;
  let last = await snapshotSession(page, now);
  onRead(last);
  while (Date.now() - started < maxMs) {
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    due = Date.now() + settleMs;
    const next = await snapshotSession(page, now);
    if (fingerprint(next) === fingerprint(last)) return next;
    onRead(next);
    last = next;
  }
  return last;
}
