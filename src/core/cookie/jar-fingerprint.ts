import { cookieKey } from './cookie-key';
import type { CookieRecord } from './cookie-record';

/** What of a cookie its decoded value and session reason are worked out from (besides the rest of the jar). */
export type FingerprintedCookie = Pick<
  CookieRecord,
  'name' | 'domain' | 'path' | 'storeId' | 'partitionKey' | 'value' | 'httpOnly'
>;

/**
 * Two unrelated 32-bit hashes of `s`'s UTF-16 code units in one pass: FNV-1a, and a multiply and a shift per code
 * unit as MurmurHash2 mixes.
 */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a, b];
}

/** MurmurHash3's finaliser: every input bit moves every output bit, so sums of these do not cancel by accident. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A fingerprint of a set of cookies: equal for the same cookies in any order (each cookie's identity, value and
 * HttpOnly flag), and different, but for a 64-bit hash collision, when any of them differs or one is added or
 * missing. One pass over the characters, linear in the jar's size. Not a security boundary: what it guards is a
 * hint that only saves work (protocol/first-paint-hint.ts), and the popup checks every row again once it decodes.
 */
export function jarFingerprint(cookies: readonly FingerprintedCookie[]): string {
  let a = 0;
  let b = 0;
  for (const c of cookies) {
    const text = `${cookieKey(c)}\u0000${c.httpOnly ? 1 : 0}\u0000${c.value}`;
    const [h1, h2] = hashes(text);
    a = (a + fmix(h1)) >>> 0;
    b = (b + fmix(h2)) >>> 0;
  }
  return `${cookies.length}:${a.toString(36)}:${b.toString(36)}`;
}
