import type { CookieRecord } from '../core/cookie/cookie-record';
import { findWeakSecret } from '../core/verify/find-weak-secret';
import { weakSecretKey } from '../core/verify/weak-secret-key';

/**
 * The search runs each value's dictionary in one chunk: it yields to the event loop between chunks so that a page
 * stays responsive, and here there is no page to keep responsive; the values' own tasks (startSoon) let the audit's
 * timers in.
 */
const SEARCH = { chunkSize: 1_024 };

/** Searches kept per audit; past it the oldest is forgotten, and searched again if the analysis asks for it. */
const LIMIT = 2_000;

/**
 * Values searched ahead of the analysis per audit: a page that keeps changing its signed cookies while the audit
 * waits would otherwise have every passing value searched; past this, only the values the analysis asks for are.
 */
export const EARLY_SEARCHES = 256;

/**
 * The weak-secret searches of one audit, one per value (`weakSecretKey`). The audit starts them on each read of
 * the page while it waits for the page to settle, so that their CPU time overlaps that wait; the analysis then
 * takes the outcome of every value the settling did not change instead of searching it again.
 */
export interface WeakSecretSearches {
  /** The secret from the dictionary that signed the cookie's value, or null. */
  secretOf(cookie: CookieRecord, jar: readonly CookieRecord[]): Promise<string | null>;
  /**
   * Starts the search of each of `cookies` not searched yet, each in a task of its own (the caller goes on at
   * once), up to EARLY_SEARCHES per audit.
   */
  startSoon(cookies: readonly CookieRecord[]): void;
  /** Searches started after this are not run (the audit failed); ones already running finish. */
  stop(): void;
}

export function createWeakSecretSearches(find: typeof findWeakSecret = findWeakSecret): WeakSecretSearches {
  const searches = new Map<string, Promise<string | null>>();
  let stopped = false;
  let early = 0;
  const searchOf = (key: string, cookie: CookieRecord, jar: readonly CookieRecord[]): Promise<string | null> => {
    let search = searches.get(key);
    if (!search) {
      // findWeakSecret never rejects.
      search = find(cookie, jar, SEARCH).then((r) => r.secret);
      searches.set(key, search);
      if (searches.size > LIMIT) searches.delete(searches.keys().next().value!);
    }
    return search;
  };
  return {
    secretOf: (cookie, jar) => searchOf(weakSecretKey(cookie, jar), cookie, jar),
    startSoon(cookies) {
      // A task per value, so that the audit's own timers (the settle's next read) can run between them.
      for (const cookie of cookies) {
        setTimeout(() => {
          const key = weakSecretKey(cookie, cookies);
          if (stopped || searches.has(key) || early >= EARLY_SEARCHES) return;
          early += 1;
          void searchOf(key, cookie, cookies);
        }, 0);
      }
    },
    stop() {
      stopped = true;
    },
  };
}
