import type { Finding } from './audit/finding';
import type { CookieRecord } from './cookie/cookie-record';
import { compareText } from './compare-text';
import { cookieKey } from './cookie/cookie-key';
import { describeExpiry, type ExpiryInfo } from './cookie/expiry';
import { cookieSize } from './cookie/size';
import { decodeCookieValue } from './decode/decode-cookie';
import type { DecodedValue } from './decode/decoded-value';
import { detectSession, type SessionReason } from './detect/session';

export interface CookieView {
  key: string;
  cookie: CookieRecord;
  size: number;
  expiry: ExpiryInfo;
  sessionReason: SessionReason | null;
  decoded: DecodedValue;
  /** This cookie's findings, worst first (token findings of a JWT in it included). */
  findings: Finding[];
}

/** Session-identifying cookies first, then the rest; each group by name, then domain, then path. */
export function compareViews(a: CookieView, b: CookieView): number {
  const s = Number(b.sessionReason !== null) - Number(a.sessionReason !== null);
  if (s !== 0) return s;
  return (
    compareText(a.cookie.name, b.cookie.name) ||
    compareText(a.cookie.domain, b.cookie.domain) ||
    compareText(a.cookie.path, b.cookie.path)
  );
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
    return {
      key: cookieKey(cookie),
      cookie,
      decoded: d,
      sessionReason: detectSession(cookie, d),
      size: cookieSize(cookie),
      expiry: describeExpiry(cookie, nowMs),
      findings: [],
    };
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
