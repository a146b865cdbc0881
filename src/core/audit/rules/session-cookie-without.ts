import type { CookieRule } from '../rule';
import { ruleInfo, type RuleId } from '../rule-info';

/** The rule `id`: a session cookie without the attribute `flag`, which protects exactly what is worth stealing. */
export function sessionCookieWithout(id: RuleId, flag: 'httpOnly' | 'secure'): CookieRule {
  return {
    ...ruleInfo(id),
    check: (c) => (c.sessionReason !== null && !c.cookie[flag] ? { severity: 'high' } : null),
  };
}
