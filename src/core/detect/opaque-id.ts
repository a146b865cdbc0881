import type { DecodedValue } from '../decode/decoded-value';
import { sessionFormat } from '../decode/session-format';
import { estimateEntropyBits } from './entropy';

/** Characters an opaque identifier is made of: base64/base64url, hex, URL escapes, dots and tildes. */
export const OPAQUE_CHARS = /^[A-Za-z0-9+/=_.~%-]+$/;

/** The bits an opaque session id needs before we call it random (OWASP: at least 64 bits). */
export const MIN_SESSION_ID_BITS = 64;

/** Whether the value is an identifier rather than readable data: nothing decoded, or an id format. */
export function isOpaqueValue(decoded: DecodedValue | undefined): boolean {
  return decoded === undefined || decoded.format === null || sessionFormat(decoded.format)?.value === 'opaque-id';
}

/** Entropy estimate for an opaque value: the decoder's figure when it has one, else estimateEntropyBits. */
export function opaqueEntropyBits(value: string, decoded: DecodedValue | undefined): number {
  return decoded?.entropyBits ?? estimateEntropyBits(value);
}

/**
 * Shaped like a random identifier: 16 or more opaque characters, and not a run of a few characters (which
 * scores high on length alone). Entropy is judged separately.
 */
export function isIdShaped(value: string): boolean {
  return value.length >= 16 && OPAQUE_CHARS.test(value) && hasDistinct(value, 6);
}

/** Characters read one by one before the rest is searched (an ordinary id has six different ones long before). */
const READ_AHEAD = 64;

/**
 * Whether `value`, ASCII only (it passed OPAQUE_CHARS), has at least `n` different characters. Its first characters
 * are read one by one, marked in a table (a Set costs ~20x per character on a 4 KB run of one); past them, each
 * character not seen yet is searched for by a pattern of those seen, from where the last one was found: a long run
 * of few characters (which an id is not) is read once by the regex engine, not character by character in script.
 */
function hasDistinct(value: string, n: number): boolean {
  const seen = new Uint8Array(128);
  let kinds = '';
  const head = Math.min(value.length, READ_AHEAD);
  for (let i = 0; i < head; i++) {
    const c = value.charCodeAt(i) & 0x7f;
    if (seen[c] === 0) {
      seen[c] = 1;
      kinds += value[i];
      if (kinds.length >= n) return true;
    }
  }
  for (let at = head; at < value.length;) {
    const next = new RegExp(`[^${kinds.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    next.lastIndex = at;
    const found = next.exec(value);
    if (!found) return false;
    kinds += found[0];
    if (kinds.length >= n) return true;
    at = found.index + 1;
  }
  return false;
}
