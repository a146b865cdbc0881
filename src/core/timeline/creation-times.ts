import { cookieKey } from '../cookie/cookie-key';
import type { ChangeLogEntry } from './change-log-entry';

/**
 * When each cookie of the jar was created, as far as the change log saw it, by cookie key: what orders cookies of
 * equal path length in a Cookie header (RFC 6265bis §5.8.3). An overwrite keeps the old cookie's creation time
 * (§5.7, storage model step 23); the browser reports it as a removal with cause `overwrite` and then an addition, so
 * the addition after an `overwrite` removal is not a creation. A cookie the log met only by an overwrite of a
 * cookie it never saw added, or by an `unobserved` entry (found at a worker start, created at an unknown time), or
 * whose entry was cut (its key is not the cookie's), has no time here.
 */
export function creationTimes(entries: readonly ChangeLogEntry[]): Map<string, number> {
  // null: the cookie is in the jar but its creation time is not known.
  const known = new Map<string, number | null>();
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  for (const e of ordered) {
    if (e.nameLength !== undefined || e.domainLength !== undefined || e.pathLength !== undefined) continue;
    const key = cookieKey(e.cookie);
    if (e.removed) {
      if (e.cause !== 'overwrite') known.delete(key);
      else if (!known.has(key)) known.set(key, null);
    } else if (e.cause === 'unobserved') {
      if (!known.has(key)) known.set(key, null);
    } else if (!known.has(key)) {
      known.set(key, e.time);
    }
  }
  const times = new Map<string, number>();
  for (const [key, time] of known) if (time !== null) times.set(key, time);
  return times;
}
