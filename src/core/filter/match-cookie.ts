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

type Searchable = Record<'name' | 'domain' | 'value' | 'path', string>;

/**
 * Lower-cased copies of the searchable fields, made once per cookie record: a keystroke then costs a plain
 * substring search instead of lower-casing every (up to 4 KB) value again. Weak, so it lives as long as the
 * analysis that holds the records.
 */
const lowered = new WeakMap<object, Searchable>();

function lowerFields(c: Searchable): Searchable {
  let l = lowered.get(c);
  if (l === undefined) {
    l = {
      name: c.name.toLowerCase(),
      domain: c.domain.toLowerCase(),
      value: c.value.toLowerCase(),
      path: c.path.toLowerCase(),
    };
    lowered.set(c, l);
  }
  return l;
}

const SAMESITE_OF = { no_restriction: 'none', lax: 'lax', strict: 'strict', unspecified: 'unspecified' } as const;

function matchesTerm(t: FilterTerm, needle: string, v: CookieView, nowMs: number): boolean {
  const c = v.cookie;
  switch (t.kind) {
    case 'text': {
      const l = lowerFields(c);
      if (t.field === 'any') return l.name.includes(needle) || l.domain.includes(needle) || l.value.includes(needle);
      return l[t.field].includes(needle);
    }
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
  const terms = query.terms.map((t) => ({ t, needle: t.kind === 'text' ? t.needle.toLowerCase() : '' }));
  return (view, nowMs) => {
    for (const { t, needle } of terms) if (matchesTerm(t, needle, view, nowMs) === t.negate) return false;
    return true;
  };
}

/** Whether one cookie passes every term of the query (see parseFilter). */
export function matchCookie(query: FilterQuery, view: CookieView, nowMs: number): boolean {
  return compileFilter(query)(view, nowMs);
}

/** A term without its position in the filter text: two terms are the same test when these are equal. */
function termTest(t: FilterTerm): string {
  const { start: _start, end: _end, ...test } = t;
  return JSON.stringify(test);
}

/** The query as a key: equal for two texts that test the same (spacing and term positions aside). */
export function queryKey(query: FilterQuery): string {
  return query.terms.map(termTest).join('\n');
}

/**
 * Whether every cookie `next` matches also matches `prev`, so `next` may filter `prev`'s result instead of the
 * whole list: typing on at the end of a free-text term, or adding a term. Conservative: false when unsure.
 */
export function narrows(prev: FilterQuery, next: FilterQuery): boolean {
  if (next.terms.length < prev.terms.length) return false;
  return prev.terms.every((p, i) => {
    const n = next.terms[i]!;
    if (p.kind === 'text' && n.kind === 'text' && !p.negate && !n.negate && p.field === n.field) {
      // Substring of a longer needle: whatever contains the longer one contains the shorter.
      return n.needle.toLowerCase().includes(p.needle.toLowerCase());
    }
    return termTest(p) === termTest(n);
  });
}
