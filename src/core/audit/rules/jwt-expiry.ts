import { formatDuration } from '../../cookie/expiry';
import type { DecodedJws } from '../../decode/jwt-types';
import type { Hit, TokenContext, TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

const DAY_S = 24 * 3600;

/** The check of a rule on a signed token's expiry (`exp`, in seconds): a token without one has nothing to judge. */
function onExpiry(check: (expSeconds: number, t: DecodedJws, ctx: TokenContext) => Hit | null): TokenRule['check'] {
  return (t, ctx) => (t.kind === 'jws' && t.times.exp !== undefined ? check(t.times.exp.seconds, t, ctx) : null);
}

export const jwtNoExp: TokenRule = {
  ...ruleInfo('jwt-no-exp'),
  // A payload that is not a JSON object has no claims to judge.
  check: (t) => (t.kind === 'jws' && t.claims !== null && t.times.exp === undefined ? { severity: 'medium' } : null),
};

export const jwtExpired: TokenRule = {
  ...ruleInfo('jwt-expired'),
  check: onExpiry((exp, _t, ctx) => {
    const pastMs = ctx.nowMs - exp * 1000;
    return pastMs >= 0 ? { severity: 'low', detail: `expired ${formatDuration(pastMs)} ago` } : null;
  }),
};

export const jwtLongLived: TokenRule = {
  ...ruleInfo('jwt-long-lived'),
  check: onExpiry((exp, t, ctx) => {
    const from = t.times.iat?.seconds ?? ctx.nowMs / 1000;
    const lifetime = exp - from;
    if (lifetime <= DAY_S) return null;
    const what = t.times.iat !== undefined ? 'lifetime' : 'remaining lifetime';
    return { severity: 'low', detail: `${what} ${formatDuration(lifetime * 1000)}` };
  }),
};
