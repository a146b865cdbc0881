import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';
import { sessionCookieWithout } from './session-cookie-without';

export const sessionHttpOnlyMissing: CookieRule = sessionCookieWithout('session-httponly-missing', 'httpOnly');

export const httpOnlyMissing: CookieRule = {
  ...ruleInfo('httponly-missing'),
  check: (c) => (c.sessionReason === null && !c.cookie.httpOnly ? { severity: 'info' } : null),
};
