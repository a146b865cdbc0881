import type { CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const hostPrefixRecommended: CookieRule = {
  ...ruleInfo('host-prefix-recommended'),
  // Browsers match cookie prefixes case-insensitively (RFC 6265bis §4.1.3), so `__host-` counts too.
  check: (c) => (c.sessionReason !== null && !/^__host-/i.test(c.cookie.name) ? { severity: 'info' } : null),
};
