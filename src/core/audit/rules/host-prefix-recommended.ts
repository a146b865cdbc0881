import type { CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const hostPrefixRecommended: CookieRule = {
  id: 'host-prefix-recommended',
  severities: ['info'],
  explanation:
    'Without the __Host- prefix, a subdomain or a plain-HTTP page can set a cookie of the same name and fix the session.',
  fix: 'Rename the cookie to __Host-… and set it with Secure, Path=/ and no Domain.',
  source: 'OWASP Session Management cheat sheet; RFC 6265bis §4.1.3.2',
  sourceUrl: SOURCE_URL.owaspSession,
  // Browsers match cookie prefixes case-insensitively (RFC 6265bis §4.1.3), so `__host-` counts too.
  check: (c) => (c.sessionReason !== null && !/^__host-/i.test(c.cookie.name) ? { severity: 'info' } : null),
};
