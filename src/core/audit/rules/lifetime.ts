import { formatDuration } from '../../cookie/expiry';
import { severityOf, type CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

const DAY_MS = 24 * 3600_000;

function remainingMs(expirationDate: number | undefined, nowMs: number): number | undefined {
  if (expirationDate === undefined || !Number.isFinite(expirationDate)) return undefined;
  return expirationDate * 1000 - nowMs;
}

export const sessionPersistent: CookieRule = {
  id: 'session-persistent',
  /** Worse beyond a month. */
  severities: ['low', 'info'],
  explanation:
    'This session cookie has an expiry, so it is written to disk and survives closing the browser, which widens the window for theft and reuse.',
  fix: 'Let session ids expire with the browser session, or keep their lifetime short.',
  source: 'OWASP Session Management cheat sheet "Expire and Max-Age Attributes"',
  sourceUrl: SOURCE_URL.owaspSessionExpire,
  check: (c, ctx) => {
    if (c.sessionReason === null || c.cookie.browserSession) return null;
    const left = remainingMs(c.cookie.expirationDate, ctx.nowMs);
    if (left === undefined) return null;
    const detail = left > 0 ? `expires in ${formatDuration(left)}` : 'already expired';
    return { severity: severityOf(sessionPersistent, left > 30 * DAY_MS), detail };
  },
};

export const expiryOver400Days: CookieRule = {
  id: 'expiry-over-400-days',
  severities: ['low'],
  explanation:
    'The expiry is more than 400 days away; browsers cap cookie lifetimes at 400 days, so the site asks for more than it will get.',
  fix: 'Shorten the lifetime to 400 days or less.',
  source: 'RFC 6265bis §5.5',
  sourceUrl: SOURCE_URL.rfc6265bis,
  check: (c, ctx) => {
    if (c.cookie.browserSession) return null;
    const left = remainingMs(c.cookie.expirationDate, ctx.nowMs);
    return left !== undefined && left > 400 * DAY_MS
      ? { severity: 'low', detail: `expires in ${formatDuration(left)}` }
      : null;
  },
};
