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

/**
 * Whether `value`, ASCII only (it passed OPAQUE_CHARS), has at least `n` different characters: stops reading as
 * soon as it has seen them, and marks them in a table (a Set costs ~20x per character on a 4 KB run of one).
 */
function hasDistinct(value: string, n: number): boolean {
  const seen = new Uint8Array(128);
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) & 0x7f;
    if (seen[c] === 0) {
      seen[c] = 1;
      if (++count >= n) return true;
    }
  }
  return false;
}
