import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const sessionHttpOnlyMissing: CookieRule = {
  ...ruleInfo('session-httponly-missing'),
  check: (c) => (c.sessionReason !== null && !c.cookie.httpOnly ? { severity: 'high' } : null),
};

export const httpOnlyMissing: CookieRule = {
  ...ruleInfo('httponly-missing'),
  check: (c) => (c.sessionReason === null && !c.cookie.httpOnly ? { severity: 'info' } : null),
};
