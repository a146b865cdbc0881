import { browser, type Cookies } from './browser';
import type { CookieChange } from '../core/cookie/cookie-change';
import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import { toCookieRecord } from '../core/cookie/to-cookie-record';

/**
 * Every cookie whose domain is `domain` or below it, partitioned ones included.
 *
 * We query by domain and do the RFC 6265 matching ourselves (core/cookie) because `getAll({url})` differs
 * between browsers: Firefox leaves Secure cookies out for http URLs even on localhost.
 * `partitionKey: {}` asks for partitioned (CHIPS) cookies too; browsers that do not know the key reject
 * the call, so we retry without it.
 */
export async function getAllUnderDomain(domain: string, storeId?: string): Promise<CookieRecord[]> {
  const base: Cookies.GetAllDetailsType = { domain };
  if (storeId !== undefined) base.storeId = storeId;
  let list: Cookies.Cookie[];
  try {
    list = await browser.cookies.getAll({ ...base, partitionKey: {} });
  } catch {
    list = await browser.cookies.getAll(base);
  }
  return list.map(toCookieRecord);
}

/**
 * Every cookie the extension can see: every store (Firefox containers, Chromium's incognito store when allowed)
 * and every partition. For the change log's comparison of the jar with what it recorded.
 */
export async function getAllCookies(): Promise<CookieRecord[]> {
  const stores = await browser.cookies.getAllCookieStores();
  const lists = await Promise.all(
    stores.map(async (s) => {
      try {
        return await browser.cookies.getAll({ storeId: s.id, partitionKey: {} });
      } catch {
        return browser.cookies.getAll({ storeId: s.id });
      }
    }),
  );
  return lists.flat().map(toCookieRecord);
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
