import type { CookieRecord } from '../core/cookie/cookie-record';
import { registrableDomain } from '../core/cookie/site';
import { bareDomain, underAnyDomain } from '../core/cookie/match';
import { onceEach } from '../core/cookie/cookie-key';
import { browserFamily } from './browser-family';
import { getAllPartitions, getAllUnderDomain } from './cookies';

// Apart from platform/cookies.ts because it needs the Public Suffix List: the popup loads it only when an export,
// import or snapshot asks for the whole site, and none of it is in the popup's first paint.
/** Every cookie of the site (registrable domain) of `host` in one store, every partition. */
export function getSiteCookies(host: string, storeId?: string): Promise<CookieRecord[]> {
  return getAllUnderDomain(registrableDomain(host), storeId);
}

/**
 * Every cookie of the sites (registrable domains) of `hosts` in one store, every partition, each once: the panel's
 * third parties, read in one go (getAllUnderDomains below says why).
 */
export function getSitesCookies(hosts: readonly string[], storeId?: string): Promise<CookieRecord[]> {
  return getAllUnderDomains(hosts.map(registrableDomain), storeId);
}

/** From this many domains on, Chromium is asked once for the whole store rather than once per domain. */
export const WHOLE_STORE_FROM = 4;

/**
 * Every cookie whose domain is one of `domains` or below it, partitioned ones included, each once: several whole
 * sites' cookies (the panel's third parties). Chromium answers each query under a domain by listing its whole jar
 * and filtering it (about 21 ms a domain with 3,000 cookies in the profile, 420 ms for 20 domains asked at once;
 * the whole store in one answer about 70 ms): from WHOLE_STORE_FROM domains on it is asked for the whole store,
 * and the answer narrowed here as its filter would. Firefox answers a query under a domain from its index (about
 * 0.5 ms a domain, the whole store 33 ms): it is asked per domain. docs/panel-speed.md has the figures.
 */
export async function getAllUnderDomains(domains: readonly string[], storeId?: string): Promise<CookieRecord[]> {
  const wanted = new Set(domains.map(bareDomain));
  if (wanted.size >= WHOLE_STORE_FROM && browserFamily() !== 'firefox') {
    return (await getAllPartitions({}, storeId)).filter((c) => underAnyDomain(c.domain, wanted));
  }
  // Domains one below the other answer the same cookie twice.
  return onceEach(await Promise.all([...wanted].map((d) => getAllUnderDomain(d, storeId))));
}
