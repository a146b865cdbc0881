import type { CookieRecord } from '../core/cookie/cookie-record';
import type { WeakSecretOptions, WeakSecretResult } from '../core/verify/find-weak-secret';

/** The dictionary check the views run after their first paint (core's findWeakSecret in production). */
export interface WeakSecretFinder {
  /** How many known secrets each value is tried against, for the progress text before the first report. */
  size: number;
  find: (cookie: CookieRecord, jar: readonly CookieRecord[], options: WeakSecretOptions) => Promise<WeakSecretResult>;
}

/**
 * Loads the dictionary and the HMAC code on demand: they are not needed for the first paint, so the popup's
 * entry chunk stays small and the check starts once the cookies are on screen.
 */
export async function loadWeakSecretFinder(): Promise<WeakSecretFinder> {
  const [{ findWeakSecret }, { WEAK_SECRETS, WEAK_BINARY_SECRETS }] = await Promise.all([
    import('../core/verify/find-weak-secret'),
    import('../core/verify/weak-secrets'),
  ]);
  // One memo for the view's life: a value signed like one already searched is not searched again.
  const memo = new Map();
  return {
    size: WEAK_SECRETS.length + WEAK_BINARY_SECRETS.length,
    find: (cookie, jar, options) => findWeakSecret(cookie, jar, { ...options, memo }),
  };
}
