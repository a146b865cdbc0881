import type { SignatureInputs } from '../audit-input';
import type { Severity } from '../finding';
import type { Hit, RuleInfo } from '../rule';
import { ruleInfo } from '../rule-info';

/** Rules fed by the verify layer rather than read off the value: the caller says what it found. */
export interface SignatureRule extends RuleInfo {
  check(inputs: SignatureInputs): Hit | null;
}

/** The check of a rule on the user's own verification: a hit when it came out `verified`, named by its method. */
function verificationCame(verified: boolean, severity: Severity, unnamed: string): SignatureRule['check'] {
  return (i) => (i.verification?.verified === verified ? { severity, detail: i.verification.method ?? unnamed } : null);
}

export const weakSecret: SignatureRule = {
  ...ruleInfo('weak-secret'),
  // The dictionary secret is public knowledge, and showing it lets the user reproduce the finding.
  check: (i) => (i.weakSecret ? { severity: 'critical', detail: `secret: ${i.weakSecret.secret}` } : null),
};

export const signatureVerified: SignatureRule = {
  ...ruleInfo('signature-verified'),
  check: verificationCame(true, 'info', 'signature verified'),
};

export const signatureInvalid: SignatureRule = {
  ...ruleInfo('signature-invalid'),
  check: verificationCame(false, 'medium', 'signature does not verify'),
};
