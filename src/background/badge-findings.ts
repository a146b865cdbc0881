import { analyzeSite } from '../core/analyze-site';
import type { Finding } from '../core/audit/finding';
import type { CookieRecord } from '../core/cookie/cookie-record';
import { createKnownWeakSecret } from './known-weak-secret';

// In this worker's memory: a restarted worker checks again.
const knownWeakSecret = createKnownWeakSecret();

/** The findings the badge counts, a default secret included (the weak-secret finding is critical). */
export async function badgeFindings(url: string, cookies: CookieRecord[], signal: AbortSignal): Promise<Finding[]> {
  return (await analyzeSite(url, cookies, Date.now(), { checkWeakSecret: knownWeakSecret.forRecount(signal) })).audit
    .findings;
}
