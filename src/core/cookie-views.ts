import type { CookieRecord } from './cookie/cookie-record';
import { decodeCookieValue } from './decode/decode-cookie';
import type { DecodedValue } from './decode/decoded-value';
import { detectSession } from './detect/session';
import { compareViews, rowView, type RowView } from './row-view';

export { compareViews } from './row-view';

export interface CookieView extends RowView {
  decoded: DecodedValue;
}

/** Each cookie's decoded value, index for index: `jar` is every cookie, for formats signed in a second cookie. */
export function decodeAll(cookies: readonly CookieRecord[]): Promise<DecodedValue[]> {
  return Promise.all(cookies.map((c) => decodeCookieValue(c, cookies)));
}

/** The views of `cookies` given their decoded values, in the cookies' order, with no findings yet. */
export function viewsOf(
  cookies: readonly CookieRecord[],
  decoded: readonly DecodedValue[],
  nowMs: number,
): CookieView[] {
  return cookies.map((cookie, i) => {
    const d = decoded[i]!;
    return { ...rowView(cookie, detectSession(cookie, d), nowMs), decoded: d };
  });
}

export interface CookieRows {
  /** In the final order (compareViews), findings empty: what the audit adds changes neither order nor groups. */
  views: CookieView[];
  /** Index for index with the cookies given: analyzeSite's `decoded` option, so the audit does not decode again. */
  decoded: DecodedValue[];
}

/**
 * Everything a cookie row shows before the audit: decoded value, session reason, size and expiry, sorted as
 * analyzeSite sorts. The session-first order depends on the decoded values only, never on the audit, so rows
 * painted from this keep their places when the findings arrive. Needs no Public Suffix List and no audit rules:
 * the popup paints its rows from this while the analysis chunk loads.
 */
export async function cookieRows(cookies: readonly CookieRecord[], nowMs: number): Promise<CookieRows> {
  const decoded = await decodeAll(cookies);
  return { views: viewsOf(cookies, decoded, nowMs).sort(compareViews), decoded };
}
