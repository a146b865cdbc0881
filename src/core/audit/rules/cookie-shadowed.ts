import { domainMatches, pathMatches } from '../../cookie/match';
import { partitionMatches, siteOf } from '../../cookie/would-send';
import type { AuditedCookie } from '../audit-input';
import { severityOf, type Hit, type JarRule } from '../rule';
import { SOURCE_URL } from '../sources';
import { parseUrl } from '../../parse-url';

/** At most this many scopes are named in one finding's detail. */
const SHOWN = 4;

function scopeOf(c: AuditedCookie): string {
  const { domain, path, hostOnly, partitionKey } = c.cookie;
  const where = hostOnly ? `${domain} (host-only)` : `.${domain.replace(/^\./, '')}`;
  const partition = partitionKey ? `, partitioned under ${partitionKey.topLevelSite ?? 'no site'}` : '';
  return `${where} path ${path}${partition}`;
}

export const cookieShadowed: JarRule = {
  id: 'cookie-shadowed',
  /** Worse when one of the copies is a session cookie. */
  severities: ['medium', 'low'],
  explanation:
    'Cookies of the same name on different domain or path scopes all reach this page, so the server receives several values in an order it may not expect, and a sibling subdomain can plant the one that wins (cookie tossing).',
  fix: 'Keep one scope per cookie name: remove the stray copies and use the __Host- prefix so no other host can set the name.',
  source: 'RFC 6265bis §5.8.3 (Cookie header order); OWASP WSTG-SESS-02',
  sourceUrl: SOURCE_URL.owaspWstgSess02,
  check: (cookies, ctx) => {
    const url = parseUrl(ctx.pageUrl);
    if (!url) return [];
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const path = url.pathname || '/';
    const site = siteOf(ctx.pageUrl);
    // Cookies in different stores (containers, private windows) never meet in one request.
    const groups = new Map<string, AuditedCookie[]>();
    for (const c of cookies) {
      const k = c.cookie;
      if (!domainMatches(host, k.domain, k.hostOnly) || !pathMatches(path, k.path) || !partitionMatches(k, site)) {
        continue;
      }
      const group = JSON.stringify([k.name, k.storeId]);
      const list = groups.get(group) ?? [];
      list.push(c);
      groups.set(group, list);
    }
    const hits: Hit[] = [];
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const scopes = list.map(scopeOf);
      const more = scopes.length > SHOWN ? ` and ${scopes.length - SHOWN} more` : '';
      hits.push({
        severity: severityOf(
          cookieShadowed,
          list.some((c) => c.sessionReason !== null),
        ),
        detail: `${list[0]!.cookie.name} on ${scopes.slice(0, SHOWN).join('; ')}${more}`,
      });
    }
    return hits;
  },
};
