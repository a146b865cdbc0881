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
