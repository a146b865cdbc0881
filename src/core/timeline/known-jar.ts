import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import { hasFieldTypes } from '../decode/json';
import type { TimedChange } from './change-log-entry';
import { cookieFingerprint } from './cookie-fingerprint';
import { cutChange } from './cut-change';

/**
 * The log's last word on each cookie it knows to be in the jar: a digest of the cookie's state, and the cookie
 * itself (cut, without its value) to name it in a removal. Keyed by `cookieKey` of the cut cookie.
 */
export interface KnownCookie {
  fingerprint: string;
  cookie: CookieRecord;
}
export type KnownJar = Map<string, KnownCookie>;

/**
 * Where the known jar is kept between worker instances: what it was once the entries below `throughSeq` were
 * applied. A new instance applies the entries from `throughSeq` on to get the log's last word on every cookie.
 */
export const JAR_KEY = 'log:jar';

export interface JarSnapshot {
  throughSeq: number;
  /** `[fingerprint, cookie]` pairs: the key follows from the cookie. */
  cookies: [string, CookieRecord][];
}

/** Applies one change, as the log records it, to the known jar (in place). */
export function applyToKnown(known: KnownJar, change: TimedChange): void {
  const cut = cutChange(change);
  const key = cookieKey(cut.cookie);
  if (cut.removed) known.delete(key);
  else known.set(key, { fingerprint: cookieFingerprint(cut.cookie, cut), cookie: { ...cut.cookie, value: '' } });
}

export function knownFromJar(jar: readonly CookieRecord[]): KnownJar {
  const known: KnownJar = new Map();
  for (const cookie of jar) applyToKnown(known, { time: 0, cause: 'explicit', removed: false, cookie });
  return known;
}

export function toSnapshot(known: KnownJar, throughSeq: number): JarSnapshot {
  return { throughSeq, cookies: [...known.values()].map((k) => [k.fingerprint, k.cookie]) };
}

/** Enough of a cookie, read back from storage, to key and show it. */
export function isCookieLike(v: unknown): v is CookieRecord {
  return hasFieldTypes(v, { name: 'string', value: 'string', domain: 'string', path: 'string', storeId: 'string' });
}

/** Stored data is read back defensively: anything malformed counts as no snapshot (no baseline). */
export function parseSnapshot(stored: unknown): { throughSeq: number; known: KnownJar } | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const s = stored as Record<string, unknown>;
  if (typeof s.throughSeq !== 'number' || !Number.isSafeInteger(s.throughSeq) || !Array.isArray(s.cookies)) {
    return undefined;
  }
  const known: KnownJar = new Map();
  for (const pair of s.cookies) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !isCookieLike(pair[1])) continue;
    known.set(cookieKey(pair[1]), { fingerprint: pair[0], cookie: pair[1] });
  }
  return { throughSeq: s.throughSeq, known };
}
