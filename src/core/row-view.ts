import type { Finding } from './audit/finding';
import type { CookieRecord } from './cookie/cookie-record';
import { compareText } from './compare-text';
import { cookieKey } from './cookie/cookie-key';
import { describeExpiry, type ExpiryInfo } from './cookie/expiry';
import { cookieSize } from './cookie/size';
import type { SessionReason } from './detect/session';

/**
 * What a cookie row shows before its value is decoded: the cookie, its size and expiry, and its session reason
 * (which the decoded value decides, so it is given here). No decoder is imported: the popup's first paint builds
 * its rows from these when the background has already worked the session reasons out (protocol/first-paint-hint.ts).
 */
export interface RowView {
  key: string;
  cookie: CookieRecord;
  size: number;
  expiry: ExpiryInfo;
  sessionReason: SessionReason | null;
  /** This cookie's findings, worst first (token findings of a JWT in it included). */
  findings: Finding[];
}

/** Session-identifying cookies first, then the rest; each group by name, then domain, then path. */
export function compareViews(a: RowView, b: RowView): number {
  const s = Number(b.sessionReason !== null) - Number(a.sessionReason !== null);
  if (s !== 0) return s;
  return (
    compareText(a.cookie.name, b.cookie.name) ||
    compareText(a.cookie.domain, b.cookie.domain) ||
    compareText(a.cookie.path, b.cookie.path)
  );
}

/** The row view of `cookie` (its key given when already made), with no findings yet. */
export function rowView(
  cookie: CookieRecord,
  sessionReason: SessionReason | null,
  nowMs: number,
  key: string = cookieKey(cookie),
): RowView {
  return {
    key,
    cookie,
    sessionReason,
    size: cookieSize(cookie),
    expiry: describeExpiry(cookie, nowMs),
    findings: [],
  };
}
