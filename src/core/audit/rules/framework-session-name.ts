import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

const DEFAULT_NAMES = new Set(
  [
    'PHPSESSID',
    'JSESSIONID',
    'ASP.NET_SessionId',
    'connect.sid',
    'laravel_session',
    'CFID',
    'CFTOKEN',
    'sessionid',
  ].map((n) => n.toLowerCase()),
);

export const frameworkSessionName: CookieRule = {
  ...ruleInfo('framework-session-name'),
  check: (c) => (DEFAULT_NAMES.has(c.cookie.name.toLowerCase()) ? { severity: 'info' } : null),
};
