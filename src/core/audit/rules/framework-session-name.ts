import type { CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

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
  id: 'framework-session-name',
  severities: ['info'],
  explanation: "The cookie keeps its framework's default name, which tells an attacker what the server runs.",
  fix: 'Rename the session cookie to something generic.',
  source: 'OWASP Session Management cheat sheet "Session ID Name Fingerprinting"',
  sourceUrl: SOURCE_URL.owaspSessionName,
  check: (c) => (DEFAULT_NAMES.has(c.cookie.name.toLowerCase()) ? { severity: 'info' } : null),
};
