import type { FormatId } from '../decode/decoded-value';

export type VerifyStatus = 'valid' | 'invalid' | 'unsupported';

/** The outcome of checking a cookie's signature with secrets or keys the user gave. */
export interface VerifyResult {
  status: VerifyStatus;
  /** One sentence for the UI: what matched, or why nothing could be checked. */
  message: string;
  format: FormatId | null;
  /** Which of the given secrets or keys matched (0-based), when one did. */
  matchedIndex?: number;
}
