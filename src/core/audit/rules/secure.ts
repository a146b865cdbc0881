import type { CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const sessionSecureMissing: CookieRule = {
  id: 'session-secure-missing',
  severities: ['high'],
  explanation:
    'This session cookie is also sent over plain HTTP, where anyone on the network can read it and take over the session.',
  fix: 'Set the Secure attribute on the session cookie and serve the site over HTTPS only.',
  source: 'Observatory cookies-session-without-secure-flag (−40)',
  sourceUrl: SOURCE_URL.observatory,
  check: (c) => (c.sessionReason !== null && !c.cookie.secure ? { severity: 'high' } : null),
};

export const secureMissing: CookieRule = {
  id: 'secure-missing',
  severities: ['low'],
  explanation: 'The site uses HTTPS but this cookie would also be sent over plain HTTP, readable on the network.',
  fix: 'Set the Secure attribute.',
  source: 'ZAP 10011; Observatory cookies-without-secure-flag (−20)',
  sourceUrl: SOURCE_URL.zap10011,
  check: (c, ctx) => (c.sessionReason === null && !c.cookie.secure && ctx.pageHttps ? { severity: 'low' } : null),
};
