import { domainMatches, pathMatches } from '../../cookie/match';
import { partitionMatches, siteOf } from '../../cookie/would-send';
import type { AuditedCookie } from '../audit-input';
import { severityOf, type Hit, type JarRule } from '../rule';
import { ruleInfo } from '../rule-info';
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
  ...ruleInfo('cookie-shadowed'),
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
