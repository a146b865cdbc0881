import type { TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const jwtJsReadable: TokenRule = {
  id: 'jwt-js-readable',
  severities: ['medium'],
  explanation:
    'Page scripts can read this token, so any cross-site scripting flaw can steal it and replay it elsewhere.',
  fix: 'Keep tokens in HttpOnly, Secure cookies instead of web storage or script-readable cookies.',
  source: 'OWASP Session Management and JWT cheat sheets',
  sourceUrl: SOURCE_URL.owaspJwt,
  check: (_t, ctx) => {
    if (ctx.location === 'localStorage' || ctx.location === 'sessionStorage') {
      return { severity: 'medium', detail: `in ${ctx.location}` };
    }
    // Only a cookie known to lack HttpOnly: a header value says nothing about where the page keeps the token.
    return ctx.location === 'cookie' && ctx.httpOnly === false
      ? { severity: 'medium', detail: 'in a cookie without HttpOnly' }
      : null;
  },
};
