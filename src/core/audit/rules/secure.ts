import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';
import { sessionCookieWithout } from './session-cookie-without';

export const sessionSecureMissing: CookieRule = sessionCookieWithout('session-secure-missing', 'secure');

export const secureMissing: CookieRule = {
  ...ruleInfo('secure-missing'),
  check: (c, ctx) => (c.sessionReason === null && !c.cookie.secure && ctx.pageHttps ? { severity: 'low' } : null),
};
