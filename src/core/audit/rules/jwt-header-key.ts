import type { TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

const KEY_PARAMS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

export const jwtHeaderKey: TokenRule = {
  ...ruleInfo('jwt-header-key'),
  check: (t) => {
    const present = KEY_PARAMS.filter((p) => Object.prototype.hasOwnProperty.call(t.header, p));
    return present.length > 0 ? { severity: 'medium', detail: `header has ${present.join(', ')}` } : null;
  },
};
