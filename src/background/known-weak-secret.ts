import type { AnalyzeOptions } from '../core/analyze-site';
import { findWeakSecret } from '../core/verify/find-weak-secret';
import { weakSecretKey } from '../core/verify/weak-secret-key';

type Check = NonNullable<AnalyzeOptions['checkWeakSecret']>;

/**
 * How many signed values one badge recount checks against the dictionary, per site: a page decides how many
 * signed cookies it sets, and the badge is a hint, not the audit (the popup and the panel check every value).
 */
export const BADGE_SIGNED_VALUES_PER_SITE = 8;
/** Dictionary secrets tried between two checks of the recount's signal: a stale recount stops this soon. */
export const BADGE_CHECK_CHUNK = 8;

export interface KnownWeakSecret extends Check {
  /**
   * The check for one badge recount: stops when `signal` aborts (the tab navigated, or a newer recount began),
   * and starts at most `bound` dictionary searches; values already known cost nothing and are not counted.
   */
  forRecount(signal: AbortSignal, bound?: number): Check;
}

/**
 * analyzeSite's weak-secret check for the badge. The badge is recounted on every cookie burst, so results
 * are kept by value (in this worker's memory only: a restarted worker simply checks again), bounded. The badge
 * never derives a key per secret (Rails' PBKDF2): that search runs only when a view asks for it.
 */
export function createKnownWeakSecret(find: typeof findWeakSecret = findWeakSecret, limit = 500): KnownWeakSecret {
  const known = new Map<string, Promise<string | null>>();

  async function run(key: string): Promise<{ secret: string } | null> {
    const secret = await known.get(key)!;
    return secret === null ? null : { secret };
  }

  function start(key: string, cookie: Parameters<Check>[0], jar: Parameters<Check>[2], signal?: AbortSignal): void {
    const options = { skipCostlyKeys: true, chunkSize: BADGE_CHECK_CHUNK, ...(signal ? { signal } : {}) };
    const result = find(cookie, jar, options).then((r) => {
      // A search cut short proves nothing: forget it, so the next recount searches again.
      if (r.aborted && known.get(key) === result) known.delete(key);
      return r.aborted ? null : r.secret;
    });
    known.set(key, result);
    while (known.size > limit) known.delete(known.keys().next().value!);
  }

  const check = ((cookie, _decoded, jar) => {
    const key = weakSecretKey(cookie, jar);
    if (!known.has(key)) start(key, cookie, jar);
    return run(key);
  }) as KnownWeakSecret;

  check.forRecount = (signal, bound = BADGE_SIGNED_VALUES_PER_SITE) => {
    let started = 0;
    return (cookie, _decoded, jar) => {
      if (signal.aborted) return null;
      const key = weakSecretKey(cookie, jar);
      if (!known.has(key)) {
        if (started >= bound) return null;
        started += 1;
        start(key, cookie, jar, signal);
      }
      return run(key);
    };
  };
  return check;
}
