import type { AnalyzeOptions } from '../core/analyze-site';
import { findWeakSecret } from '../core/verify/find-weak-secret';
import { weakSecretKey } from '../core/verify/weak-secret-key';

type Check = NonNullable<AnalyzeOptions['checkWeakSecret']>;

/**
 * analyzeSite's weak-secret check for the badge. The badge is recounted on every cookie burst, so results
 * are kept by value (in this worker's memory only: a restarted worker simply checks again), bounded.
 */
export function createKnownWeakSecret(find: typeof findWeakSecret = findWeakSecret, limit = 500): Check {
  const known = new Map<string, Promise<string | null>>();
  return async (cookie, _decoded, jar) => {
    const key = weakSecretKey(cookie, jar);
    let result = known.get(key);
    if (result === undefined) {
      result = find(cookie, jar).then((r) => (r.aborted ? null : r.secret));
      known.set(key, result);
      while (known.size > limit) known.delete(known.keys().next().value!);
    }
    const secret = await result;
    return secret === null ? null : { secret };
  };
}
