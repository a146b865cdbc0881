import type { CookieBase, CookieRecord, PartitionKey, SameSite } from '../core/cookie/cookie-record';
import { toCookieRecord } from '../core/cookie/to-cookie-record';

/**
 * A cookie as a driver reports it: Puppeteer (CDP or BiDi), Playwright, or raw CDP `Storage.getCookies`. The
 * shapes agree on everything but the partition key and how a missing SameSite is said.
 */
export interface DriverCookie extends CookieBase {
  /** Seconds since the epoch; -1 (or absent) for a cookie without expiry. */
  expires?: number;
  session?: boolean;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
  /** Puppeteer: `{ sourceOrigin }`; CDP: `{ topLevelSite }`; Playwright: the top-level site as a string. */
  partitionKey?: string | { sourceOrigin?: string; topLevelSite?: string; hasCrossSiteAncestor?: boolean };
}

function sameSiteOf(value: string | undefined): SameSite {
  switch (value?.toLowerCase()) {
    case 'strict':
      return 'strict';
    case 'lax':
      return 'lax';
    case 'none':
      return 'no_restriction';
    default:
      // CDP leaves the field out, BiDi says "default": the cookie was set without the attribute.
      return 'unspecified';
  }
}

function partitionKeyOf(pk: DriverCookie['partitionKey']): PartitionKey | undefined {
  if (pk === undefined || pk === '') return undefined;
  if (typeof pk === 'string') return { topLevelSite: pk };
  return { topLevelSite: pk.topLevelSite ?? pk.sourceOrigin, hasCrossSiteAncestor: pk.hasCrossSiteAncestor };
}

/**
 * The cookie in the shape the extension reads from `cookies.getAll`, so both audit the same data: a Domain
 * cookie keeps its leading dot and is not host-only, and `storeId` is the browser's name for the store.
 */
export function fromDriverCookie(c: DriverCookie, storeId: string): CookieRecord {
  const session = c.session ?? (c.expires === undefined || c.expires < 0);
  return toCookieRecord({
    ...c,
    hostOnly: !c.domain.startsWith('.'),
    secure: c.secure === true,
    httpOnly: c.httpOnly === true,
    sameSite: sameSiteOf(c.sameSite),
    session,
    expirationDate: !session && c.expires !== undefined && c.expires >= 0 ? c.expires : undefined,
    storeId,
    partitionKey: partitionKeyOf(c.partitionKey),
  });
}
