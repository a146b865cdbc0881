import type { DecodeLayer, FormatId } from '../decode/decoded-value';

export type VerifyStatus = 'valid' | 'invalid' | 'unsupported';

/** What an encrypted cookie holds, once decrypted and authenticated with the user's secret. Shown as text. */
export interface DecryptedContent {
  /** What the plaintext is, e.g. "Rails cookie payload", "Laravel cookie value". */
  label: string;
  /** The plaintext as text, cut at a bound (bytes that are not UTF-8 as base64, and a note says so). */
  text: string;
  /** The readable data recognised in it (JSON, Ruby Marshal strings, the Rails envelope, the cookie's value). */
  data?: unknown;
  /** The steps from the plaintext to `data`. */
  layers: DecodeLayer[];
  /** Facts about the plaintext: what a prefix means, what the value is. */
  notes: string[];
}

/** The outcome of checking a cookie's signature with secrets or keys the user gave. */
export interface VerifyResult {
  status: VerifyStatus;
  /** One sentence for the UI: what matched, or why nothing could be checked. */
  message: string;
  format: FormatId | null;
  /** Which of the given secrets or keys matched (0-based), when one did. */
  matchedIndex?: number;
  /** An encrypted format (Rails encrypted, Laravel) that the matching secret decrypted. */
  decrypted?: DecryptedContent;
}

/** The given secret that matched, in words: "the secret" when it was the only one given, else "secret #2". */
export function whichSecret(index: number, count: number, noun: 'secret' | 'key' = 'secret'): string {
  return count > 1 ? `${noun} #${index + 1}` : `the ${noun}`;
}

/** The given secrets, none of which matched, in words: "the secret" or "any of the 3 secrets". */
export function anySecret(count: number, noun: 'secret' | 'key' = 'secret'): string {
  return count === 1 ? `the ${noun}` : `any of the ${count} ${noun}s`;
}

/** The `index`-th given secret (0-based) matched. */
export function matchedResult(format: FormatId, index: number, message: string): VerifyResult {
  return { status: 'valid', format, matchedIndex: index, message };
}
