import type { CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const sessionHttpOnlyMissing: CookieRule = {
  id: 'session-httponly-missing',
  severities: ['high'],
  explanation:
    'This session cookie is readable by page scripts, so any cross-site scripting flaw can steal the session.',
  fix: 'Set the HttpOnly attribute on the session cookie.',
  source: 'ZAP 10010; Observatory cookies-session-without-httponly-flag (−30)',
  sourceUrl: SOURCE_URL.zap10010,
  check: (c) => (c.sessionReason !== null && !c.cookie.httpOnly ? { severity: 'high' } : null),
};

export const httpOnlyMissing: CookieRule = {
  id: 'httponly-missing',
  severities: ['info'],
  explanation: 'Page scripts can read this cookie, including any script injected through a cross-site scripting flaw.',
  fix: 'Set HttpOnly unless page scripts must read this cookie.',
  source: 'ZAP 10010',
  sourceUrl: SOURCE_URL.zap10010,
  check: (c) => (c.sessionReason === null && !c.cookie.httpOnly ? { severity: 'info' } : null),
};
