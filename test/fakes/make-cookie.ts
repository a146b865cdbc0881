import type { CookieRecord } from '../../src/core/cookie/cookie-record';

/**
 * The one cookie factory of the tests: a well-behaved cookie (host-only on app.example.com, Secure, HttpOnly,
 * SameSite=Lax, session lifetime). Each suite overrides what it is about.
 */
export function makeCookie(over: Partial<CookieRecord> = {}): CookieRecord {
  return {
    name: 'pref',
    value: 'v',
    domain: 'app.example.com',
    path: '/',
    hostOnly: true,
    secure: true,
    httpOnly: true,
    sameSite: 'lax',
    browserSession: true,
    storeId: '0',
    ...over,
  };
}

/**
 * A CHIPS cookie: `chip`, partitioned under a cross-site top-level site, SameSite=None, expiring in an hour. For
 * tests that a write or an undo keeps every attribute, the partition included.
 */
export function makePartitionedCookie(over: Partial<CookieRecord> = {}): CookieRecord {
  return makeCookie({
    name: 'chip',
    sameSite: 'no_restriction',
    browserSession: false,
    expirationDate: Date.now() / 1000 + 3600,
    partitionKey: { topLevelSite: 'https://top.example.com', hasCrossSiteAncestor: true },
    ...over,
  });
}

/** `makeCookie(over)` in the partition of `topLevelSite` (no cross-site bit). */
export function cookieInPartition(topLevelSite: string, over: Partial<CookieRecord> = {}): CookieRecord {
  return makeCookie({ partitionKey: { topLevelSite }, ...over });
}
