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
