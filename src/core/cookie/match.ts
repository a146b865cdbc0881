import type { CookieRecord } from './cookie-record';
import { parseUrl } from '../parse-url';

/** The cookie's domain without the leading dot the store keeps for Domain cookies, lower-cased. */
export function bareDomain(domain: string): string {
  return domain.replace(/^\./, '').toLowerCase();
}

/**
 * Whether a cookie's domain is one of `domains` or below one of them, label by label (never a mere string suffix):
 * what the browsers' `cookies.getAll({ domain })` filter keeps for each of those domains. `domains` holds bare,
 * lower-cased domains (bareDomain). One lookup per label of the cookie's domain, which is a host name (at most 253
 * characters), so the cost is bounded whatever the page set.
 */
export function underAnyDomain(cookieDomain: string, domains: ReadonlySet<string>): boolean {
  let d = bareDomain(cookieDomain);
  for (;;) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/**
 * RFC 6265 §5.1.3 domain-match. A host-only cookie matches only its own host; a Domain cookie matches its
 * domain and every subdomain, never a mere string suffix (`evil-example.com` does not match `example.com`),
 * and never on an IP address beyond the exact address.
 */
export function domainMatches(host: string, cookieDomain: string, hostOnly: boolean): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = bareDomain(cookieDomain);
  if (h === d) return true;
  if (hostOnly || isIpAddress(h)) return false;
  return h.endsWith('.' + d);
}

/** RFC 6265 §5.1.4 path-match. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

/**
 * Whether a cookie goes with the page's own requests as far as its partition goes: unpartitioned, or partitioned
 * under the page's site (CHIPS: a cookie the page's host set while embedded in another site is that site's, and
 * goes only to frames under it). Without the Public Suffix List, which the popup's first paint does not load: the
 * partition's site, as the browser writes it (scheme and registrable domain), must have the page's scheme and be
 * its host or a domain above it. That is the page's own site but in one case, a partition under a bare public
 * suffix visited as a page (`https://github.io` above a page of `me.github.io`), which this keeps and the DevTools
 * panel's rule (would-send.ts's partitionMatches, with the list) leaves out.
 */
export function inPagePartition(c: Pick<CookieRecord, 'partitionKey'>, scheme: string, host: string): boolean {
  if (c.partitionKey === undefined) return true;
  const site = c.partitionKey.topLevelSite === undefined ? null : parseUrl(c.partitionKey.topLevelSite);
  if (site === null || site.protocol !== scheme) return false;
  return domainMatches(host, site.hostname.replace(/^\[|\]$/g, ''), false);
}

/**
 * The cookies a top-level request to `url` would carry: domain, path and partition (Secure is shown, not filtered).
 */
export function cookiesForUrl<T extends CookieRecord>(cookies: readonly T[], url: string): T[] {
  const parsed = parseUrl(url);
  if (!parsed) return [];
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const path = parsed.pathname || '/';
  return cookies.filter(
    (c) =>
      domainMatches(host, c.domain, c.hostOnly) &&
      pathMatches(path, c.path) &&
      inPagePartition(c, parsed.protocol, host),
  );
}
