import type { TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const jwtJsReadable: TokenRule = {
  ...ruleInfo('jwt-js-readable'),
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
