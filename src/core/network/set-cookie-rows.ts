import type { CookieRecord } from '../cookie/cookie-record';
import { hostOf, registrableDomain } from '../cookie/site';
import { compareSetCookie, type SetCookieComparison } from './compare-set-cookie';
import type { NetworkEntry } from './network-entry';
import { splitSetCookieLines } from './set-cookie';

/** Set-Cookie headers compared at most (newest kept): a page that sets cookies on every request stays cheap. */
export const MAX_SET_COOKIE_ROWS = 500;

export interface SetCookieRow {
  /** The response that carried the header. */
  url: string;
  timeMs: number;
  header: string;
  comparison: SetCookieComparison;
}

/**
 * Every Set-Cookie header the site's own responses carried (the responding host is in the page's site), newest
 * last, each judged against the cookies the browser holds now: kept, changed, rejected (why), deleted or missing.
 */
export function setCookieRows(
  entries: readonly NetworkEntry[],
  stored: readonly CookieRecord[],
  pageHost: string,
  /** For a response without a start time: when Max-Age is counted from. */
  nowMs: number,
): SetCookieRow[] {
  if (pageHost === '') return [];
  const site = registrableDomain(pageHost);
  const headers: Array<{ url: string; timeMs: number; header: string }> = [];
  for (const e of entries) {
    const host = hostOf(e.url);
    if (host === undefined || registrableDomain(host) !== site) continue;
    for (const h of e.responseHeaders) {
      if (h.name.toLowerCase() !== 'set-cookie') continue;
      for (const header of splitSetCookieLines(h.value)) headers.push({ url: e.url, timeMs: e.timeMs, header });
    }
  }
  return headers.slice(-MAX_SET_COOKIE_ROWS).map((h) => ({
    ...h,
    comparison: compareSetCookie(h.header, h.url, stored, h.timeMs || nowMs),
  }));
}
