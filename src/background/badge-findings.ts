import { analyzeSite } from '../core/analyze-site';
import type { Finding } from '../core/audit/finding';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { createKnownWeakSecret } from './known-weak-secret';

/*
 * The worker's entry imports this module dynamically: the analysis (every decoder and rule, the weak-secret
 * list) is then evaluated on the badge's first recount instead of in the first run of every worker start,
 * which Chromium makes every event wait for (and a storm's stops restart the worker again and again).
 */

// In this worker's memory: a restarted worker checks again.
const knownWeakSecret = createKnownWeakSecret();

/** The findings the badge counts, a default secret included (the weak-secret finding is critical). */
export async function badgeFindings(url: string, cookies: CookieRecord[], signal: AbortSignal): Promise<Finding[]> {
  return (await analyzeSite(url, cookies, Date.now(), { checkWeakSecret: knownWeakSecret.forRecount(signal) })).audit
    .findings;
}
