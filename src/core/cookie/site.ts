import { getDomain, parse } from 'tldts';
import type { CookieRecord } from './cookie-record';
import { bareDomain, domainMatches } from './match';

/**
 * The registrable domain ("site") of a host by the Public Suffix List (tldts), so `a.example.co.uk` and
 * `b.example.co.uk` group together while `example.co.uk` and `other.co.uk` do not. IP addresses,
 * `localhost` and other hosts with no registrable domain are their own site.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  const info = parse(h, { allowPrivateDomains: true });
  if (info.isIp) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/**
 * Whether a cookie belongs to the site of `host`: it domain-matches the host (RFC 6265 §5.1.3) or its domain
 * has the host's registrable domain. A page on `example.com` thereby counts the cookies of `api.example.com`,
 * which belong to the same site's session although that page would not send them. The site is worked out once,
 * so the returned test is cheap to run over a long list. An empty host is no site: nothing belongs to it.
 */
export function inSiteOf(host: string): (cookie: Pick<CookieRecord, 'domain' | 'hostOnly'>) => boolean {
  if (host === '') return () => false;
  const site = registrableDomain(host);
  return (cookie) =>
    domainMatches(host, cookie.domain, cookie.hostOnly) || registrableDomain(bareDomain(cookie.domain)) === site;
}

/** Whether `host` is a public suffix itself (a cookie's Domain may never be one). */
export function isPublicSuffix(host: string): boolean {
  const h = host.toLowerCase().replace(/^\./, '');
  const info = parse(h, { allowPrivateDomains: true });
  return !info.isIp && info.publicSuffix === h && info.domain === null;
}

export { hostOf, isHttpUrl } from './host';
