import type { ChangeLogEntry } from './change-log-entry';
import { bareDomain, domainMatches } from '../cookie/match';
import { registrableDomain } from '../cookie/site';

export interface LogQuery {
  /** A host: entries whose cookie domain-matches it or shares its registrable domain. */
  site?: string;
  /** Only entries with a greater seq (for pages that poll for what is new). */
  afterSeq?: number;
}

/**
 * Same registrable domain as well as domain-match: a page on `example.com` shows changes to the cookies of
 * `api.example.com` too, which belong to the same site's session even though that page would not send them.
 */
export function filterEntries(entries: readonly ChangeLogEntry[], query: LogQuery): ChangeLogEntry[] {
  const { site, afterSeq } = query;
  const host = site
    ?.toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  const siteDomain = host ? registrableDomain(host) : undefined;
  return entries.filter((e) => {
    if (afterSeq !== undefined && !(e.seq > afterSeq)) return false;
    if (host === undefined || host === '' || siteDomain === undefined) return true;
    const { domain, hostOnly } = e.cookie;
    return domainMatches(host, domain, hostOnly) || registrableDomain(bareDomain(domain)) === siteDomain;
  });
}
