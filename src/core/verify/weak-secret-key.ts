import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { sigCookiesNamed } from '../cookie/sig-cookies';

/**
 * What the weak-secret check of a cookie depends on, as a map key: the cookie, its value and, for
 * cookie-session, the values of the `.sig` cookies beside it. A cache keyed by it re-checks only values it has
 * not seen (the panel reloads on every cookie change, the badge recounts on every burst).
 */
export function weakSecretKey(cookie: CookieRecord, jar: readonly CookieRecord[]): string {
  const sigs = sigCookiesNamed(jar, `${cookie.name}.sig`).map((c) => c.value);
  return JSON.stringify([cookieKey(cookie), cookie.value, sigs]);
}
