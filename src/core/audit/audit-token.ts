import { decodeJwt } from '../decode/jwt';
import type { DecodedJwe, DecodedJws } from '../decode/jwt-types';
import type { SignatureInputs, TokenLocation } from './audit-input';
import { SIGNATURE_RULES, TOKEN_RULES } from './catalogue';
import type { Finding } from './finding';
import type { TokenContext } from './rule';
import { sortFindings } from './sort-findings';
import { toFinding } from './to-finding';

export interface TokenAuditOptions extends SignatureInputs {
  /** For a token in a cookie: whether the cookie is HttpOnly (unknown means not reported as readable). */
  httpOnly?: boolean;
  /** The cookie the token came from, so findings attach to it. */
  cookieKey?: string;
  /** The storage key or header name of a token found outside cookies. */
  name?: string;
}

/** Token rules only, for callers that run the signature rules themselves. */
export function tokenRuleFindings(
  token: DecodedJws | DecodedJwe,
  ctx: TokenContext,
  extra: Partial<Finding>,
): Finding[] {
  const out: Finding[] = [];
  for (const rule of TOKEN_RULES) {
    const hit = rule.check(token, ctx);
    if (hit) out.push(toFinding(rule, hit, extra));
  }
  return out;
}

/**
 * The token rules (docs/rules.md) on one JWT or JWE, wherever it was found. A string that is not a compact token
 * gives no findings. Findings come sorted worst first.
 */
export function auditToken(
  jwt: string | DecodedJws | DecodedJwe,
  location: TokenLocation,
  nowMs: number,
  options: TokenAuditOptions = {},
): Finding[] {
  const token = typeof jwt === 'string' ? decodeJwt(jwt) : jwt;
  if (token.kind === 'not-jwt') return [];
  const extra: Partial<Finding> = { location };
  if (options.cookieKey !== undefined) extra.cookieKey = options.cookieKey;
  if (options.name !== undefined) extra.tokenName = options.name;
  const ctx: TokenContext = { location, nowMs };
  if (options.httpOnly !== undefined) ctx.httpOnly = options.httpOnly;
  const out = tokenRuleFindings(token, ctx, extra);
  for (const rule of SIGNATURE_RULES) {
    const hit = rule.check(options);
    if (hit) out.push(toFinding(rule, hit, extra));
  }
  return sortFindings(out);
}
