import { formatDuration } from '../../cookie/expiry';
import type { DecodedJws } from '../../decode/jwt-types';
import type { Hit, TokenContext, TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

const DAY_S = 24 * 3600;

/** The check of a rule on a signed token's expiry (`exp`, in seconds): a token without one has nothing to judge. */
function onExpiry(check: (expSeconds: number, t: DecodedJws, ctx: TokenContext) => Hit | null): TokenRule['check'] {
  return (t, ctx) => (t.kind === 'jws' && t.times.exp !== undefined ? check(t.times.exp.seconds, t, ctx) : null);
}

export const jwtNoExp: TokenRule = {
  id: 'jwt-no-exp',
  severities: ['medium'],
  explanation: 'The token has no exp claim, so a stolen copy stays valid for as long as the key is unchanged.',
  fix: 'Give every token an expiry (exp claim).',
  source: 'OWASP JWT cheat sheet',
  sourceUrl: SOURCE_URL.owaspJwt,
  // A payload that is not a JSON object has no claims to judge.
  check: (t) => (t.kind === 'jws' && t.claims !== null && t.times.exp === undefined ? { severity: 'medium' } : null),
};

export const jwtExpired: TokenRule = {
  id: 'jwt-expired',
  severities: ['low'],
  explanation: 'The token has expired but is still kept, which suggests stale tokens are not cleaned up.',
  fix: 'Clear tokens from storage when they expire.',
  source: 'RFC 7519 §4.1.4',
  sourceUrl: SOURCE_URL.rfc7519Exp,
  check: onExpiry((exp, _t, ctx) => {
    const pastMs = ctx.nowMs - exp * 1000;
    return pastMs >= 0 ? { severity: 'low', detail: `expired ${formatDuration(pastMs)} ago` } : null;
  }),
};

export const jwtLongLived: TokenRule = {
  id: 'jwt-long-lived',
  severities: ['low'],
  explanation: 'The token is valid for more than 24 hours, so a stolen copy stays useful for long.',
  fix: 'Issue short-lived access tokens and renew them with a refresh token.',
  source: 'OWASP JWT cheat sheet',
  sourceUrl: SOURCE_URL.owaspJwt,
  check: onExpiry((exp, t, ctx) => {
    const from = t.times.iat?.seconds ?? ctx.nowMs / 1000;
    const lifetime = exp - from;
    if (lifetime <= DAY_S) return null;
    const what = t.times.iat !== undefined ? 'lifetime' : 'remaining lifetime';
    return { severity: 'low', detail: `${what} ${formatDuration(lifetime * 1000)}` };
  }),
};
