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

/** Whether `value` has at least `n` different characters: stops reading as soon as it has seen them. */
function hasDistinct(value: string, n: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < value.length && seen.size < n; i++) seen.add(value.charCodeAt(i));
  return seen.size >= n;
}
