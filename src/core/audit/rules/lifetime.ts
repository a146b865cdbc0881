import { formatDuration } from '../../cookie/expiry';
import { severityOf, type CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

const DAY_MS = 24 * 3600_000;

function remainingMs(expirationDate: number | undefined, nowMs: number): number | undefined {
  if (expirationDate === undefined || !Number.isFinite(expirationDate)) return undefined;
  return expirationDate * 1000 - nowMs;
}

export const sessionPersistent: CookieRule = {
  ...ruleInfo('session-persistent'),
  check: (c, ctx) => {
    if (c.sessionReason === null || c.cookie.browserSession) return null;
    const left = remainingMs(c.cookie.expirationDate, ctx.nowMs);
    if (left === undefined) return null;
    const detail = left > 0 ? `expires in ${formatDuration(left)}` : 'already expired';
    return { severity: severityOf(sessionPersistent, left > 30 * DAY_MS), detail };
  },
};

export const expiryOver400Days: CookieRule = {
  ...ruleInfo('expiry-over-400-days'),
  check: (c, ctx) => {
    if (c.cookie.browserSession) return null;
    const left = remainingMs(c.cookie.expirationDate, ctx.nowMs);
    return left !== undefined && left > 400 * DAY_MS
      ? { severity: 'low', detail: `expires in ${formatDuration(left)}` }
      : null;
  },
};
