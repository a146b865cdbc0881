import type { CookieRecord } from '../core/cookie/cookie-record';
import { weakSecretKey } from '../core/verify/weak-secret-key';

export interface WeakSecretCache {
  /** The known secret the value was signed with, `null` when none is, `undefined` when not checked yet. */
  get(cookie: CookieRecord, jar: readonly CookieRecord[]): string | null | undefined;
  set(cookie: CookieRecord, jar: readonly CookieRecord[], secret: string | null): void;
}

/** Results of the weak-secret check by value, oldest dropped beyond `limit` so a long session stays bounded. */
export function createWeakSecretCache(limit = 2000): WeakSecretCache {
  const entries = new Map<string, string | null>();
  return {
    get: (cookie, jar) => entries.get(weakSecretKey(cookie, jar)),
    set(cookie, jar, secret) {
      const key = weakSecretKey(cookie, jar);
      entries.delete(key);
      entries.set(key, secret);
      while (entries.size > limit) entries.delete(entries.keys().next().value!);
    },
  };
}
