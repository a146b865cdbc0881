import { withoutPadding } from '../decode/bytes';

/**
 * Estimated entropy of an opaque identifier (OWASP Session Management cheat sheet, "Session ID Entropy"): length × log2 of the smallest standard
 * alphabet that covers every character (10 digits, 16 hex, 32 base32, 36 alphanumeric one case,
 * 62 alphanumeric, 64 base64/base64url). Characters outside all of them count as the 64-symbol alphabet plus
 * the rest (an upper bound that never understates a strange value's entropy by much).
 *
 * The alphabets, as patterns of the whole value, the first that fits deciding:
 *
 * | size | value                                                   |
 * | ---: | ------------------------------------------------------- |
 * |   10 | `[0-9]+`                                                |
 * |   16 | `[0-9a-fA-F]+`                                          |
 * |   32 | `[a-v0-9]+`, or `[A-Z2-7]+=*` (RFC 4648 base32, padded) |
 * |   36 | `[a-z0-9]+`, or `[A-Z0-9]+`                             |
 * |   62 | `[A-Za-z0-9]+`                                          |
 * |   64 | `[A-Za-z0-9+/_-]+=*` (base64 and base64url, padded)     |
 *
 * Tried one after the other as those patterns, a value that fits none until its last character (a 4 KB run of `0`
 * then `!`) was read seven times. alphabetSize decides the same with searches for one kind of character each, which
 * stop at the first they find: a character of none of the alphabets ends it after one read, and no value is read in
 * full more than four times.
 */
export function alphabetSize(value: string): number {
  return value === '' ? 0 : sizeOf(value, withoutPadding(value));
}

/** The alphabet of `value`, not empty, whose padding `bare` leaves out. */
function sizeOf(value: string, bare: string): number {
  if (bare === '' || /[^A-Za-z0-9+/_-]/.test(bare)) return 95;
  const padded = bare.length < value.length;
  if (/[+/_-]/.test(bare)) return 64;
  // Letters and digits only from here.
  const lower = /[a-z]/.test(bare);
  const upper = /[A-Z]/.test(bare);
  // Of the smaller alphabets only base32 in upper case (with 2 to 7) is padded.
  if (padded) return !lower && !/[0189]/.test(bare) ? 32 : 64;
  if (!lower && !upper) return 10;
  // Hex in either case, or both.
  if (!/[g-zG-Z]/.test(bare)) return 16;
  if (lower && upper) return 62;
  if (lower) return /[w-z]/.test(bare) ? 36 : 32;
  return /[0189]/.test(bare) ? 36 : 32;
}

export function estimateEntropyBits(value: string): number {
  if (value === '') return 0;
  // The padding is left out of the length, and read once.
  const bare = withoutPadding(value);
  return bare.length * Math.log2(sizeOf(value, bare));
}
