import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import type { TimedChange } from './change-log-entry';
import { cookieFingerprint } from './cookie-fingerprint';
import { cutChange } from './cut-change';
import { applyToKnown, type KnownJar } from './known-jar';

export interface Reconciliation {
  /** One `unobserved` change per difference, to append after everything recorded so far. */
  changes: TimedChange[];
  /** The known jar once they are applied: the log's last word on every cookie. */
  known: KnownJar;
}

/**
 * Compares the jar with the log's last word on every cookie (`known`) and returns each difference as a change
 * of its own, cause `unobserved`: a cookie in the jar that the log has not, or has in another state, is added;
 * one the log has that the jar has not is removed. Cookies in `touched` are left alone: a change to them was
 * recorded while the jar was being read, so the jar may be older than the log's word on them, and that recorded
 * change is the newer truth. Linear in the jar and the known set; `known` is not changed.
 */
export function reconcileJar(
  known: KnownJar,
  jar: readonly CookieRecord[],
  touched: ReadonlySet<string>,
  time: number,
): Reconciliation {
  const changes: TimedChange[] = [];
  const inJar = new Set<string>();
  for (const cookie of jar) {
    const cut = cutChange({ time, cause: 'unobserved', removed: false, cookie });
    const key = cookieKey(cut.cookie);
    inJar.add(key);
    if (touched.has(key)) continue;
    if (known.get(key)?.fingerprint !== cookieFingerprint(cut.cookie, cut)) changes.push(cut);
  }
  for (const [key, k] of known) {
    if (!inJar.has(key) && !touched.has(key)) {
      changes.push({ time, cause: 'unobserved', removed: true, cookie: k.cookie });
    }
  }
  const next: KnownJar = new Map(known);
  for (const change of changes) applyToKnown(next, change);
  return { changes, known: next };
}
