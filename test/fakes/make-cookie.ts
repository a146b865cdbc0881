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

/** One cookie per name, in order, each `make({ ...over, name })`: the few alike cookies a test tells apart by name. */
export function cookiesNamed<const N extends readonly string[]>(
  names: N,
  over: Partial<CookieRecord> = {},
  make: (over: Partial<CookieRecord>) => CookieRecord = makeCookie,
): { -readonly [K in keyof N]: CookieRecord } {
  return names.map((name) => make({ ...over, name })) as { -readonly [K in keyof N]: CookieRecord };
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
