import type { CookieRecord } from '../cookie/cookie-record';
import { bareDomain, domainMatches } from '../cookie/match';
import { registrableDomain } from '../cookie/site';

/**
 * Whether a changed cookie belongs on the timeline of `host`: it domain-matches the host or shares its
 * registrable domain (the same rule the background's getChangeLog applies to `site`).
 */
export function relevantTo(host: string, c: Pick<CookieRecord, 'domain' | 'hostOnly'>): boolean {
  if (host === '') return false;
  if (domainMatches(host, c.domain, c.hostOnly)) return true;
  return registrableDomain(bareDomain(c.domain)) === registrableDomain(host);
}
