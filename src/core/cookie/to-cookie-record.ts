import { recordFields, type CookieBase, type CookieRecord, type PartitionKey, type SameSite } from './cookie-record';

/**
 * A cookie as the WebExtensions API reports it (`cookies.Cookie`), written without the polyfill's types so
 * the drivers' cookies (headless) and the tests' fake jar can be read through the same function.
 */
export interface BrowserCookie extends CookieBase {
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  /** Left out by browsers that predate "unspecified": read as "unspecified". */
  sameSite?: SameSite;
  session: boolean;
  /** Seconds since the epoch; absent for a cookie that ends with the browser session. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey;
}

/**
 * Plain data from a browser cookie: only the fields both browsers agree on (no `firstPartyDomain`), and a
 * partition key only when it names a site or the cross-site bit, so an empty key never makes two identities.
 */
export function toCookieRecord(c: BrowserCookie): CookieRecord {
  const record = recordFields(c, c.session);
  if (c.expirationDate !== undefined) record.expirationDate = c.expirationDate;
  const pk = c.partitionKey;
  if (pk && (pk.topLevelSite !== undefined || pk.hasCrossSiteAncestor !== undefined)) {
    record.partitionKey = {};
    if (pk.topLevelSite !== undefined) record.partitionKey.topLevelSite = pk.topLevelSite;
    if (pk.hasCrossSiteAncestor !== undefined) record.partitionKey.hasCrossSiteAncestor = pk.hasCrossSiteAncestor;
  }
  return record;
}
