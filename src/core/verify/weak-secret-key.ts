import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';

/**
 * What the weak-secret check of a cookie depends on, as a map key: the cookie, its value and, for
 * cookie-session, the values of the `.sig` cookies beside it. A cache keyed by it re-checks only values it has
 * not seen (the panel reloads on every cookie change, the badge recounts on every burst).
 */
export function weakSecretKey(cookie: CookieRecord, jar: readonly CookieRecord[]): string {
  const sigs = sigValues(jar).get(`${cookie.name}.sig`) ?? [];
  return JSON.stringify([cookieKey(cookie), cookie.value, sigs]);
}

/**
 * The `.sig` cookies' values by name, built once per jar array: the key is asked for every checkable cookie of
 * the jar, and scanning the jar each time made a 10,000-cookie panel spend seconds here (n × checkable cookies).
 */
const sigIndex = new WeakMap<readonly CookieRecord[], Map<string, string[]>>();

function sigValues(jar: readonly CookieRecord[]): Map<string, string[]> {
  let index = sigIndex.get(jar);
  if (index === undefined) {
    index = new Map();
    for (const c of jar) {
      if (!c.name.endsWith('.sig')) continue;
      const list = index.get(c.name);
      if (list) list.push(c.value);
      else index.set(c.name, [c.value]);
    }
    sigIndex.set(jar, index);
  }
  return index;
}
