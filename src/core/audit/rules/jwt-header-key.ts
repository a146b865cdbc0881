import type { TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

const KEY_PARAMS = ['jwk', 'jku', 'x5u', 'x5c'] as const;

export const jwtHeaderKey: TokenRule = {
  id: 'jwt-header-key',
  severities: ['medium'],
  explanation:
    'The token header names its own key material; a server that trusts it lets an attacker sign tokens with a key of their choosing.',
  fix: 'Verify tokens only with keys the server already holds and ignore key material named by the token.',
  source: 'OWASP JWT cheat sheet',
  sourceUrl: SOURCE_URL.owaspJwt,
  check: (t) => {
    const present = KEY_PARAMS.filter((p) => Object.prototype.hasOwnProperty.call(t.header, p));
    return present.length > 0 ? { severity: 'medium', detail: `header has ${present.join(', ')}` } : null;
  },
};
