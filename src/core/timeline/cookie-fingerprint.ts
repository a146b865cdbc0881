import type { CookieRecord } from '../cookie/cookie-record';
import type { CutLengths } from './change-log-entry';

/** One 32-bit FNV-1a pass over `s` from `seed`: linear, no allocation. */
function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A short digest of everything about a cookie that a change can alter (its identity aside): value, expiry and
 * flags. Two passes with different seeds make an accidental match between two states of one cookie
 * negligible. Computed on the cut form, as the log stores it, plus the original value length: a change past
 * the first cut characters that keeps the length is not told apart (the log could not show it either).
 */
export function cookieFingerprint(c: CookieRecord, lengths: CutLengths = {}): string {
  const s = [
    c.value,
    lengths.valueLength ?? c.value.length,
    c.expirationDate ?? '',
    c.secure ? 1 : 0,
    c.httpOnly ? 1 : 0,
    c.sameSite,
    c.hostOnly ? 1 : 0,
    c.browserSession ? 1 : 0,
  ].join('\u0000');
  return fnv1a(s, 0x811c9dc5).toString(36) + '.' + fnv1a(s, 0x2545f491).toString(36);
}
