import type { CookieRecord, SameSite } from '../cookie/cookie-record';
import { bareDomain } from '../cookie/match';

export type BrowserFamily = 'chromium' | 'firefox';

export interface DetailsOptions {
  browser: BrowserFamily;
  /**
   * Firefox with first-party isolation on needs `firstPartyDomain` on every call (`''` for cookies set without
   * isolation); leave it out otherwise.
   */
  firstPartyDomain?: string;
}

/** The `details` of `cookies.set`, as both browsers take them. */
export interface CookieSetDetails {
  url: string;
  name: string;
  value: string;
  /** Given for a Domain cookie; left out for a host-only one, which is how the API makes a host-only cookie. */
  domain?: string;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: SameSite;
  /** Left out for a session cookie. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  firstPartyDomain?: string;
}

/** The `details` of `cookies.remove` (and `cookies.get`): the identity, with the URL standing for domain and path. */
export interface CookieRemoveDetails {
  url: string;
  name: string;
  storeId: string;
  partitionKey?: { topLevelSite?: string; hasCrossSiteAncestor?: boolean };
  firstPartyDomain?: string;
}

/**
 * https for a Secure cookie, except in a first-party partition (no cross-site ancestor): Chromium then wants
 * the URL same-site with the top-level site, scheme included, and refuses `https://h/` under `http://h`
 * ("partitionKey has a first party value for hasCrossSiteAncestor when the url and the topLevelSite are not
 * first party"). Secure cookies on such an http site exist only where the host is trustworthy (localhost).
 */
function urlScheme(c: Pick<CookieRecord, 'secure'> & Partial<Pick<CookieRecord, 'partitionKey'>>): string {
  const top = c.partitionKey?.topLevelSite;
  if (c.partitionKey?.hasCrossSiteAncestor === false && top?.startsWith('http://')) return 'http';
  return c.secure ? 'https' : 'http';
}

/**
 * The URL the API associates with the cookie: https for a Secure cookie (an http URL cannot set one), the
 * cookie's own host (never the tab's: importing a cookie for a sibling host must not move it), and its path.
 * `?` and `#` in a path would end the URL's path, so they are percent-encoded.
 */
export function cookieUrl(
  c: Pick<CookieRecord, 'domain' | 'path' | 'secure'> & Partial<Pick<CookieRecord, 'partitionKey'>>,
): string {
  const host = bareDomain(c.domain);
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let path = '/';
  // A "." or ".." segment would be resolved away by URL parsing; the cookie's path still goes in details.path.
  if (!/(^|\/)\.\.?(\/|$)/.test(c.path)) {
    try {
      path = encodeURI(c.path).replace(/[?#]/g, (ch) => encodeURIComponent(ch));
    } catch {
      // encodeURI throws on a lone surrogate: same fallback.
    }
  }
  return `${urlScheme(c)}://${hostPart}${path.startsWith('/') ? path : `/${path}`}`;
}

function partitionDetails(
  c: Pick<CookieRecord, 'partitionKey'>,
  browser: BrowserFamily,
): CookieSetDetails['partitionKey'] {
  const pk = c.partitionKey;
  if (!pk) return undefined;
  const out: NonNullable<CookieSetDetails['partitionKey']> = {};
  if (pk.topLevelSite !== undefined) out.topLevelSite = pk.topLevelSite;
  // Firefox's partitionKey has no cross-site-ancestor bit and rejects unknown properties.
  if (browser === 'chromium' && pk.hasCrossSiteAncestor !== undefined)
    out.hasCrossSiteAncestor = pk.hasCrossSiteAncestor;
  return out;
}

/** `cookies.set` details that store exactly `c`: same identity, every attribute. */
export function cookieSetDetails(c: CookieRecord, options: DetailsOptions): CookieSetDetails {
  const d: CookieSetDetails = {
    ...cookieRemoveDetails(c, options),
    value: c.value,
    path: c.path,
    secure: c.secure,
    httpOnly: c.httpOnly,
  };
  if (!c.hostOnly) d.domain = bareDomain(c.domain);
  // MDN documents only no_restriction, lax and strict for Firefox's cookies.set; leaving sameSite out gives the same default.
  if (options.browser === 'chromium' || c.sameSite !== 'unspecified') d.sameSite = c.sameSite;
  if (!c.browserSession && c.expirationDate !== undefined) d.expirationDate = c.expirationDate;
  return d;
}

/**
 * `cookies.remove` details for the cookie with this identity (`cookies.set` names the cookie with the same
 * ones). The API finds the cookie by URL and name, so a caller should read the jar back afterwards: the URL can also match a same-named cookie on a parent path or
 * domain, and what the browser removed is what counts.
 */
export function cookieRemoveDetails(
  c: Pick<CookieRecord, 'name' | 'domain' | 'path' | 'secure' | 'storeId' | 'partitionKey'>,
  options: DetailsOptions,
): CookieRemoveDetails {
  const d: CookieRemoveDetails = { url: cookieUrl(c), name: c.name, storeId: c.storeId };
  const pk = partitionDetails(c, options.browser);
  if (pk) d.partitionKey = pk;
  if (options.browser === 'firefox' && options.firstPartyDomain !== undefined) {
    d.firstPartyDomain = options.firstPartyDomain;
  }
  return d;
}
