import type { CookieRecord } from './cookie-record';
import { hostOf } from './host';
import { bareDomain } from './match';
import { inSiteOf, registrableDomain } from './site';
import { partitionMatches, siteOf } from './would-send';

/** The panel table's views: the inspected site's cookies, the other sites' the page talked to, or both. */
export type CookieScope = 'this-site' | 'third-parties' | 'all';
export const COOKIE_SCOPES: readonly CookieScope[] = ['this-site', 'third-parties', 'all'];

/**
 * At most this many third-party sites are read: a page can request from thousands of hosts, and each site costs a
 * cookie-store query and an analysis.
 */
export const MAX_THIRD_PARTY_SITES = 200;

/**
 * The sites (registrable domains) other than the page's that `urls` (the page's requests and frames) went to, in
 * the order first seen, at most `max`. Only http(s) URLs count; the page's own site never does.
 */
export function thirdPartySites(pageHost: string, urls: Iterable<string>, max = MAX_THIRD_PARTY_SITES): string[] {
  const own = pageHost === '' ? '' : registrableDomain(pageHost);
  const seenHosts = new Set<string>();
  const sites = new Set<string>();
  for (const url of urls) {
    if (!/^https?:\/\//i.test(url)) continue;
    const host = hostOf(url);
    if (host === undefined || host === '' || seenHosts.has(host)) continue;
    seenHosts.add(host);
    const site = registrableDomain(host);
    if (site === own) continue;
    sites.add(site);
    if (sites.size >= max) break;
  }
  return [...sites];
}

/** The cookies of each view, in the order given; `all` is this site's, then the third parties'. */
export type CookiesPerView<T> = Record<CookieScope, T[]>;

/**
 * Which cookies the page at `pageUrl` shows in each view. A cookie is this site's when it belongs to the page's
 * host or registrable domain, a third party's when its registrable domain is one of `thirdParties` (from
 * thirdPartySites). A partitioned (CHIPS) cookie belongs to this page only when its partition's top-level site is
 * the page's site: a third party's cookie partitioned under another top-level site is that site's business, and so
 * is this site's own cookie kept for it as an embed elsewhere. Cookies of no listed site are left out.
 */
export function cookiesPerView<T>(
  pageUrl: string,
  thirdParties: readonly string[],
  items: readonly T[],
  cookieOf: (item: T) => CookieRecord,
): CookiesPerView<T> {
  const own = inSiteOf(hostOf(pageUrl) ?? '');
  const inPartition = partitionOfPage(pageUrl);
  const others = new Set(thirdParties);
  const thisSite: T[] = [];
  const thirdParty: T[] = [];
  for (const item of items) {
    const c = cookieOf(item);
    if (!inPartition(c)) continue;
    if (own(c)) thisSite.push(item);
    else if (others.has(registrableDomain(bareDomain(c.domain)))) thirdParty.push(item);
  }
  return { 'this-site': thisSite, 'third-parties': thirdParty, all: [...thisSite, ...thirdParty] };
}

/** The cookies that are not partitioned, or partitioned under the site of `pageUrl` (the rule of cookiesPerView). */
export function pagePartitionsOnly<T extends Pick<CookieRecord, 'partitionKey'>>(
  pageUrl: string,
  cookies: readonly T[],
): T[] {
  return cookies.filter(partitionOfPage(pageUrl));
}

/**
 * The complement of pagePartitionsOnly: the cookies partitioned under a top-level site other than the page's. Read
 * for the page's site, they are what its hosts set while embedded in those sites, and go only with its frames there.
 */
export function otherPartitionsOnly<T extends Pick<CookieRecord, 'partitionKey'>>(
  pageUrl: string,
  cookies: readonly T[],
): T[] {
  const mine = partitionOfPage(pageUrl);
  return cookies.filter((c) => !mine(c));
}

/** Whether a cookie is unpartitioned or partitioned under the page's (schemeful) site; the site worked out once. */
function partitionOfPage(pageUrl: string): (c: Pick<CookieRecord, 'partitionKey'>) => boolean {
  const pageSite = siteOf(pageUrl);
  return (c) => partitionMatches(c, pageSite);
}

/** Items grouped by the registrable domain of their cookie, each group in the order given. */
export function bySite<T>(items: readonly T[], cookieOf: (item: T) => CookieRecord): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const site = registrableDomain(bareDomain(cookieOf(item).domain));
    const list = out.get(site);
    if (list) list.push(item);
    else out.set(site, [item]);
  }
  return out;
}
