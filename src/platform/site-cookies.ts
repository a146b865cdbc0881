import type { CookieRecord } from '../core/cookie/cookie-record';
import type { TabCookiesResult, TabStore } from '../protocol/messages';
import { cookiesForUrl } from '../core/cookie/match';
import { hostOf, isHttpUrl } from '../core/cookie/host';
import { getAllForUrl } from './cookies';
import { hasAllSitesAccess, hasHostPermission } from './permissions';
import { listCookieStores, storeOfTab } from './tab-store';
import { getTab } from './tabs';
import { browserFamily } from './browser-family';
import { errorText } from '../core/error-text';

/**
 * The cookies a tab's page would send, from the tab's own cookie store (a Firefox container's, a private window's),
 * or the reason it has none to show (the UI words it). Shared by the background's `getTabCookies` handler and the
 * badge, and the pages that read cookies directly (the popup, for speed).
 */
export async function loadTabCookies(tabId: number, prefetch?: UrlPrefetch): Promise<TabCookiesResult> {
  // Each read waits for a round trip to the browser: those that do not depend on each other start together.
  // Firefox names the store on the tab (storeOfTab needs no listing there), so it is started in Chromium only.
  const stores = browserFamily() === 'firefox' ? undefined : listCookieStores();
  const tab = await getTab(tabId);
  if (!tab) return { ok: false, reason: 'no-tab', tabId };
  const url = tab.url;
  if (url === undefined) {
    // The browser hides the URL of a tab the extension may not read. With access to every web page, a hidden URL
    // is not a web page (a browser page, the new tab page); without it, it may well be one: ask for access.
    return (await hasAllSitesAccess()) ? { ok: false, reason: 'not-http' } : { ok: false, reason: 'no-permission' };
  }
  if (!isHttpUrl(url)) return { ok: false, reason: 'not-http', url };
  let store: TabStore | undefined;
  try {
    store = await storeOfTab(tabId, tab, stores);
  } catch (e) {
    return { ok: false, reason: 'error', url, error: errorText(e) };
  }
  // Reading the default jar instead would show another jar's cookies as this tab's.
  if (store === undefined && tab.incognito) return { ok: false, reason: 'error', url, error: NO_STORE };
  return loadUrlCookies(tabId, url, store, prefetch);
}

/**
 * A read of a page's cookies started before its tab was read, on the address the popup was given for it
 * (`?url=`, src/protocol/view-address.ts): from the default store, asked for by URL as loadUrlCookies asks.
 */
export interface UrlPrefetch {
  url: string;
  cookies: Promise<CookieRecord[] | undefined>;
}

/** Starts reading `url`'s cookies at once (a failure is kept as undefined: the read is then made afresh). */
export function prefetchUrlCookies(url: string): UrlPrefetch | undefined {
  const host = hostOf(url);
  if (host === undefined) return undefined;
  return { url, cookies: getAllForUrl(url).catch(() => undefined) };
}

/**
 * What `prefetch` read, when it answers for `url` in `store`: the same address, and the default store, which is the
 * one a read without a store id reads from a normal window's popup (its cookies must all say so). Otherwise
 * undefined, and the caller reads afresh.
 */
async function prefetched(
  prefetch: UrlPrefetch | undefined,
  url: string,
  store: TabStore | undefined,
): Promise<CookieRecord[] | undefined> {
  if (prefetch === undefined || prefetch.url !== url) return undefined;
  if (store !== undefined && store.kind !== 'default') return undefined;
  const all = await prefetch.cookies;
  if (all === undefined || (store !== undefined && all.some((c) => c.storeId !== store.id))) return undefined;
  return all;
}

/** The code's words, shown as an error's text: the browser listed no cookie store for a private tab. */
const NO_STORE = 'no cookie store lists this private tab';

/** `store`: the store to read (absent: the default one). `prefetch`: a read already started (used when it fits). */
export async function loadUrlCookies(
  tabId: number,
  url: string,
  store?: TabStore,
  prefetch?: UrlPrefetch,
): Promise<TabCookiesResult> {
  const host = hostOf(url);
  if (host === undefined) return { ok: false, reason: 'not-http', url };
  // By the page's URL (no Public Suffix List, which the popup's first paint does not load), then narrowed to the
  // cookies the page receives by core's rules.
  let all: CookieRecord[] | undefined;
  let failure: unknown;
  try {
    all = (await prefetched(prefetch, url, store)) ?? (await getAllForUrl(url, store?.id));
  } catch (e) {
    failure = e;
  }
  const cookies = all === undefined ? undefined : cookiesForUrl(all, url);
  // The browser lists a site's cookies only to an extension with access to the site: cookies read answer the
  // question, and only an empty read (or a failed one) asks it, so the popup's first paint makes one call less.
  if (cookies === undefined || cookies.length === 0) {
    if (!(await hasHostPermission(url))) return { ok: false, reason: 'no-permission', url };
  }
  if (cookies === undefined) return { ok: false, reason: 'error', url, error: errorText(failure) };
  const result: TabCookiesResult =
    store === undefined ? { ok: true, tabId, url, cookies } : { ok: true, tabId, url, cookies, store };
  // The rest of the read, the URL's cookies of other sites' partitions, which the panel lists apart.
  if (all!.length > cookies.length) {
    const sent = new Set(cookies);
    const elsewhere = all!.filter((c) => c.partitionKey !== undefined && !sent.has(c));
    if (elsewhere.length > 0) result.elsewhere = elsewhere;
  }
  return result;
}
