import { browser, type Cookies } from './browser';
import type { CookieChange } from '../core/cookie/cookie-change';
import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import { toCookieRecord } from '../core/cookie/to-cookie-record';
import { onceEach } from '../core/cookie/cookie-key';
import { parseUrl } from '../core/parse-url';

/**
 * `cookies.getAll(details)` in every partition: `partitionKey: {}` asks for partitioned (CHIPS) cookies too; browsers
 * that do not know the key reject the call, so it is asked again without it.
 */
export async function getAllPartitions(details: Cookies.GetAllDetailsType, storeId?: string): Promise<CookieRecord[]> {
  const base: Cookies.GetAllDetailsType = storeId === undefined ? details : { ...details, storeId };
  let list: Cookies.Cookie[];
  try {
    list = await browser.cookies.getAll({ ...base, partitionKey: {} });
  } catch {
    list = await browser.cookies.getAll(base);
  }
  return list.map(toCookieRecord);
}

/**
 * Every cookie whose domain is `domain` or below it, partitioned ones included: a whole site's cookies. Chromium
 * answers a query by domain by going through the whole jar (getAllForUrl says what that costs); a tab's page is read
 * with getAllForUrl.
 */
export function getAllUnderDomain(domain: string, storeId?: string): Promise<CookieRecord[]> {
  return getAllPartitions({ domain }, storeId);
}

/** `url` with the scheme `scheme` (`http:` or `https:`), or undefined if it is not a URL. */
function withScheme(url: string, scheme: 'http:' | 'https:'): string | undefined {
  const u = parseUrl(url);
  if (u === null) return undefined;
  u.protocol = scheme;
  return u.href;
}

/**
 * Every cookie whose domain and path match `url`'s host and path, partitioned ones included, Secure or not: the
 * cookies of a tab's page (core's cookiesForUrl narrows them by the same rules), asked for by URL.
 *
 * Asked by URL, not under a domain: Chromium answers a query by domain by listing its whole jar and filtering it,
 * about 30 ms with 3,000 cookies in the profile, against under 1 ms by URL, which it answers from its index by host
 * (docs/popup-speed.md). A query by URL leaves out Secure cookies for an http URL (Firefox does so even on
 * localhost), and a browser that binds cookies to the scheme that set them leaves out the other scheme's: so the URL
 * is asked for as http and as https at once, and the two answers merged. Every cookie of the host and path is in one
 * of them.
 */
export async function getAllForUrl(url: string, storeId?: string): Promise<CookieRecord[]> {
  const urls = [withScheme(url, 'http:'), withScheme(url, 'https:')].filter((u) => u !== undefined);
  // A cookie both answers hold (one not Secure) is the same cookie.
  return onceEach(await Promise.all(urls.map((u) => getAllPartitions({ url: u }, storeId))));
}

/**
 * Every cookie the extension can see: every store (Firefox containers, Chromium's incognito store when allowed)
 * and every partition. For the change log's comparison of the jar with what it recorded.
 */
export async function getAllCookies(): Promise<CookieRecord[]> {
  const stores = await browser.cookies.getAllCookieStores();
  return (await Promise.all(stores.map((s) => getAllPartitions({}, s.id)))).flat();
}

export type { CookieChange };

/** Must be called synchronously at the top level of the background script so no event is missed. */
export function onCookieChanged(listener: (change: CookieChange) => void): void {
  browser.cookies.onChanged.addListener((info) => {
    listener({ cookie: toCookieRecord(info.cookie), removed: info.removed, cause: info.cause as ChangeCause });
  });
}

/** For pages that watch live changes: returns the unsubscribe function. */
export function watchCookies(listener: (change: CookieChange) => void): () => void {
  const raw = (info: Cookies.OnChangedChangeInfoType): void => {
    listener({ cookie: toCookieRecord(info.cookie), removed: info.removed, cause: info.cause as ChangeCause });
  };
  browser.cookies.onChanged.addListener(raw);
  return () => browser.cookies.onChanged.removeListener(raw);
}
