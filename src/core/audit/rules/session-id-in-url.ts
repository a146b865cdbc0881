import type { AuditedCookie } from '../audit-input';
import type { Hit, RuleInfo } from '../rule';
import { ruleInfo } from '../rule-info';
import { parseUrl } from '../../parse-url';

/** A rule on one cookie against the URLs the page requested (network view). */
export interface UrlRule extends RuleInfo {
  check(c: AuditedCookie, urls: readonly string[]): Hit | null;
}

/** URLs read, and characters read of each: the page controls both. */
export const MAX_URLS = 2000;
const MAX_URL_CHARS = 8192;
/** Shorter values would match by chance (`1`, `yes`). */
const MIN_VALUE_CHARS = 8;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The path and query of a URL, raw and percent-decoded; null when it does not parse. */
function partsOf(url: string): { origin: string; path: string[]; query: string[] } | null {
  const u = parseUrl(url.slice(0, MAX_URL_CHARS));
  if (!u) return null;
  return {
    origin: u.origin,
    path: [u.pathname, safeDecode(u.pathname)],
    query: [u.search, safeDecode(u.search.replace(/\+/g, ' '))],
  };
}

export const sessionIdInUrl: UrlRule = {
  ...ruleInfo('session-id-in-url'),
  check: (c, urls) => {
    if (c.sessionReason === null) return null;
    const raw = c.cookie.value.replace(/^"|"$/g, '');
    if (raw.length < MIN_VALUE_CHARS) return null;
    const values = [...new Set([raw, safeDecode(raw)])].filter((v) => v.length >= MIN_VALUE_CHARS);
    for (const url of urls.slice(0, MAX_URLS)) {
      const p = partsOf(url);
      if (!p) continue;
      const inQuery = p.query.some((q) => values.some((v) => q.includes(v)));
      const inPath = !inQuery && p.path.some((s) => values.some((v) => s.includes(v)));
      if (!inQuery && !inPath) continue;
      const path = p.path[0]!.length > 80 ? `${p.path[0]!.slice(0, 80)}…` : p.path[0]!;
      // The value itself is not repeated: the finding sits next to the cookie that holds it.
      return {
        severity: 'high',
        detail: `in the ${inQuery ? 'query' : 'path'} of a request to ${p.origin}${inQuery ? path : ''}`,
      };
    }
    return null;
  },
};
