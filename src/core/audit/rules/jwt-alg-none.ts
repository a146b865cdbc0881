import type { TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const jwtAlgNone: TokenRule = {
  ...ruleInfo('jwt-alg-none'),
  check: (t) => {
    if (t.kind !== 'jws') return null;
    if (t.alg !== undefined && t.alg.toLowerCase() === 'none')
      return { severity: 'critical', detail: `alg "${t.alg}"` };
    return t.unsigned ? { severity: 'critical', detail: 'empty signature' } : null;
  },
};
