import type { CookieRecord } from '../core/cookie/cookie-record';
import { registrableDomain } from '../core/cookie/site';
import { getAllUnderDomain, getAllUnderDomains } from './cookies';

// Apart from platform/cookies.ts because it needs the Public Suffix List: the popup loads it only when an export,
// import or snapshot asks for the whole site.
/** Every cookie of the site (registrable domain) of `host` in one store, every partition. */
export function getSiteCookies(host: string, storeId?: string): Promise<CookieRecord[]> {
  return getAllUnderDomain(registrableDomain(host), storeId);
}

/**
 * Every cookie of the sites (registrable domains) of `hosts` in one store, every partition, each once: the panel's
 * third parties, read in one go (getAllUnderDomains says why).
 */
export function getSitesCookies(hosts: readonly string[], storeId?: string): Promise<CookieRecord[]> {
  return getAllUnderDomains(hosts.map(registrableDomain), storeId);
}
