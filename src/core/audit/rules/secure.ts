import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const sessionSecureMissing: CookieRule = {
  ...ruleInfo('session-secure-missing'),
  check: (c) => (c.sessionReason !== null && !c.cookie.secure ? { severity: 'high' } : null),
};

export const secureMissing: CookieRule = {
  ...ruleInfo('secure-missing'),
  check: (c, ctx) => (c.sessionReason === null && !c.cookie.secure && ctx.pageHttps ? { severity: 'low' } : null),
};
