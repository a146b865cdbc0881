import type { SignatureVerification } from '../audit/audit-input';
import type { VerifyResult } from './verify-result';

/**
 * The audit's view of a verification: `signature-verified` / `signature-invalid` for a checked signature,
 * nothing when it could not be checked. Messages never contain the secret, so they can go into findings.
 */
export function toSignatureVerification(result: VerifyResult): SignatureVerification | undefined {
  if (result.status === 'unsupported') return undefined;
  return { verified: result.status === 'valid', method: result.message };
}
