import { cookieKey } from '../core/cookie/cookie-key';
import type { CookieRecord } from '../core/cookie/cookie-record';

export interface WeakSecretCache {
  /** The known secret the value was signed with, `null` when none is, `undefined` when not checked yet. */
  get(cookie: CookieRecord, jar: readonly CookieRecord[]): string | null | undefined;
  set(cookie: CookieRecord, jar: readonly CookieRecord[], secret: string | null): void;
}

/**
 * What the check depends on: the cookie, its value and, for cookie-session, the `.sig` cookie beside it. A
 * reload (the panel reloads on every cookie change) then re-checks only values it has not seen.
 */
function entryKey(cookie: CookieRecord, jar: readonly CookieRecord[]): string {
  const sigName = `${cookie.name}.sig`;
  const sigs = jar.filter((c) => c.name === sigName).map((c) => c.value);
  return JSON.stringify([cookieKey(cookie), cookie.value, sigs]);
}

/** Results of the weak-secret check by value, oldest dropped beyond `limit` so a long session stays bounded. */
export function createWeakSecretCache(limit = 2000): WeakSecretCache {
  const entries = new Map<string, string | null>();
  return {
    get: (cookie, jar) => entries.get(entryKey(cookie, jar)),
    set(cookie, jar, secret) {
      const key = entryKey(cookie, jar);
      entries.delete(key);
      entries.set(key, secret);
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}
