import type { DecodedJwe, DecodedJws } from '../decode/jwt-types';
import type { ParsedSetCookie } from '../network/set-cookie';
import type { AuditedCookie, TokenLocation } from './audit-input';
import type { RuleText, Severity } from './finding';

/** One severity, or two (worse first) for a rule that reports some matches worse than others (see its `check`). */
export type RuleSeverities = readonly [Severity] | readonly [Severity, Severity];

/** What every rule states about itself: shown with each finding and listed in docs/rules.md (`npm run docs`). */
export interface RuleInfo extends RuleText {
  id: string;
  /** Every severity the rule can report, worst first: declared once, for both what it lists and what it reports. */
  severities: RuleSeverities;
}

/** The severity of one match of `rule`: its worse one when `worse` holds (a rule with one severity has just that). */
export function severityOf(rule: RuleInfo, worse: boolean): Severity {
  const [worst, lesser = worst] = rule.severities;
  return worse ? worst : lesser;
}

/** One match of a rule. */
export interface Hit {
  severity: Severity;
  detail?: string;
}

/** The page the cookies were read for, and the clock. */
export interface CookieContext {
  /** The page the cookies were read for, as given. */
  pageUrl: string;
  /** Lower-cased host of the page, when the page URL has one. */
  pageHost: string | undefined;
  pageHttps: boolean;
  nowMs: number;
}

export interface CookieRule extends RuleInfo {
  check(c: AuditedCookie, ctx: CookieContext): Hit | null;
}

/** A rule over the whole jar (counts), whose hits may point at no single cookie. */
export interface JarRule extends RuleInfo {
  check(cookies: readonly AuditedCookie[], ctx: CookieContext): Hit[];
}

export interface TokenContext {
  location: TokenLocation;
  /** For a token in a cookie: whether that cookie is HttpOnly. */
  httpOnly?: boolean;
  nowMs: number;
}

export interface TokenRule extends RuleInfo {
  check(token: DecodedJws | DecodedJwe, ctx: TokenContext): Hit | null;
}

/** The response a Set-Cookie header came with. */
export interface HeaderContext {
  responseUrl: string;
}

/** A rule on one raw Set-Cookie header (why the browser rejected or changed the cookie). */
export interface HeaderRule extends RuleInfo {
  check(header: ParsedSetCookie, ctx: HeaderContext): Hit | null;
}
