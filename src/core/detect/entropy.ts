import { withoutPadding } from '../decode/bytes';

/**
 * Estimated entropy of an opaque identifier (OWASP Session Management cheat sheet, "Session ID Entropy"): length × log2 of the smallest standard
 * alphabet that covers every character (10 digits, 16 hex, 32 base32, 36 alphanumeric one case,
 * 62 alphanumeric, 64 base64/base64url). Characters outside all of them count as the 64-symbol alphabet plus
 * the rest (an upper bound that never understates a strange value's entropy by much).
 */
const ALPHABETS: ReadonlyArray<{ size: number; test: RegExp }> = [
  { size: 10, test: /^[0-9]+$/ },
  { size: 16, test: /^[0-9a-f]+$/i },
  { size: 32, test: /^[a-v0-9]+$|^[A-Z2-7]+=*$/ },
  { size: 36, test: /^[a-z0-9]+$|^[A-Z0-9]+$/ },
  { size: 62, test: /^[A-Za-z0-9]+$/ },
  { size: 64, test: /^[A-Za-z0-9+/_-]+=*$/ },
];

export function alphabetSize(value: string): number {
  if (value === '') return 0;
  for (const a of ALPHABETS) if (a.test.test(value)) return a.size;
  return 95;
}

export function estimateEntropyBits(value: string): number {
  const bare = withoutPadding(value);
  const size = alphabetSize(value);
  return size === 0 ? 0 : bare.length * Math.log2(size);
}
