import type { SignatureInputs } from '../audit-input';
import type { Severity } from '../finding';
import type { Hit, RuleInfo } from '../rule';
import { SOURCE_URL } from '../sources';

/** Rules fed by the verify layer rather than read off the value: the caller says what it found. */
export interface SignatureRule extends RuleInfo {
  check(inputs: SignatureInputs): Hit | null;
}

/** The check of a rule on the user's own verification: a hit when it came out `verified`, named by its method. */
function verificationCame(verified: boolean, severity: Severity, unnamed: string): SignatureRule['check'] {
  return (i) => (i.verification?.verified === verified ? { severity, detail: i.verification.method ?? unnamed } : null);
}

export const weakSecret: SignatureRule = {
  id: 'weak-secret',
  severities: ['critical'],
  explanation:
    'The signature verifies with a well-known default or example secret, so anyone can forge valid tokens or sessions.',
  fix: 'Rotate to a long random secret and invalidate everything signed with the old one.',
  source: 'OWASP JWT cheat sheet (HMAC secret strength)',
  sourceUrl: SOURCE_URL.owaspJwt,
  // The dictionary secret is public knowledge, and showing it lets the user reproduce the finding.
  check: (i) => (i.weakSecret ? { severity: 'critical', detail: `secret: ${i.weakSecret.secret}` } : null),
};

export const signatureVerified: SignatureRule = {
  id: 'signature-verified',
  severities: ['info'],
  explanation: 'The signature verifies with the secret or key you supplied.',
  fix: 'Nothing to fix; keep the secret or key private.',
  source: 'docs/formats.md, signature verification',
  check: verificationCame(true, 'info', 'signature verified'),
};

export const signatureInvalid: SignatureRule = {
  id: 'signature-invalid',
  severities: ['medium'],
  explanation:
    'The signature does not verify with the secret or key you supplied: the value was altered, or it was signed with another key.',
  fix: 'Check that you supplied the key the server signs with; if so, find out who produced this value.',
  source: 'docs/formats.md, signature verification',
  check: verificationCame(false, 'medium', 'signature does not verify'),
};
