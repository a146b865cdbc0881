import type { CookieView } from '../analyze-site';
import { severityRank } from '../audit/sort-findings';
import type { CompareOp, FilterQuery, FilterTerm } from './filter-query';

function compare(a: number, op: CompareOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return a === b;
  }
}

/**
 * A case-insensitive literal search. A regular expression of an escaped literal runs in linear time and spares
 * lower-casing every (up to 4 KB) value on every keystroke.
 */
function literal(needle: string): RegExp {
  return new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

const SAMESITE_OF = { no_restriction: 'none', lax: 'lax', strict: 'strict', unspecified: 'unspecified' } as const;

function matchesTerm(t: FilterTerm, re: RegExp | undefined, v: CookieView, nowMs: number): boolean {
  const c = v.cookie;
  switch (t.kind) {
    case 'text':
      if (re === undefined) return false;
      if (t.field === 'any') return re.test(c.name) || re.test(c.domain) || re.test(c.value);
      return re.test(c[t.field]);
    case 'flag':
      if (t.flag === 'httponly') return c.httpOnly;
      if (t.flag === 'secure') return c.secure;
      if (t.flag === 'hostonly') return c.hostOnly;
      return !c.browserSession && c.expirationDate !== undefined;
    case 'samesite':
      return SAMESITE_OF[c.sameSite] === t.value;
    case 'partitioned':
      return (c.partitionKey !== undefined) === t.yes;
    case 'session':
      return (v.sessionReason !== null) === t.yes;
    case 'has':
      if (t.what === 'finding') return v.findings.length > 0;
      if (t.what === 'jwt') return v.decoded.jwt !== undefined;
      return v.expiry.kind === 'expires';
    case 'severity':
      // A lower rank is more severe, so "at least high" is rank <= rank(high).
      return v.findings.some((f) => compare(severityRank(t.severity), t.op, severityRank(f.severity)));
    case 'rule':
      return v.findings.some((f) => f.ruleId === t.id);
    case 'expires': {
      if (c.browserSession || c.expirationDate === undefined) return false;
      return compare(c.expirationDate * 1000 - nowMs, t.op, t.ms);
    }
  }
}

export type CookieMatcher = (view: CookieView, nowMs: number) => boolean;

/** The query turned into a predicate once, for filtering a long list on every keystroke. */
export function compileFilter(query: FilterQuery): CookieMatcher {
  const terms = query.terms.map((t) => ({ t, re: t.kind === 'text' ? literal(t.needle) : undefined }));
  return (view, nowMs) => {
    for (const { t, re } of terms) if (matchesTerm(t, re, view, nowMs) === t.negate) return false;
    return true;
  };
}

/** Whether one cookie passes every term of the query (see parseFilter). */
export function matchCookie(query: FilterQuery, view: CookieView, nowMs: number): boolean {
  return compileFilter(query)(view, nowMs);
}
