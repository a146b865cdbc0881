import type { TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const jwtAlgNone: TokenRule = {
  id: 'jwt-alg-none',
  severities: ['critical'],
  explanation:
    'The token is unsigned (alg "none" or an empty signature); if the server accepts it, anyone can forge any identity.',
  fix: 'Reject unsigned tokens on the server and always sign with an algorithm from an allow-list.',
  source: 'RFC 7519 §6; OWASP JWT cheat sheet',
  sourceUrl: SOURCE_URL.rfc7519Unsecured,
  check: (t) => {
    if (t.kind !== 'jws') return null;
    if (t.alg !== undefined && t.alg.toLowerCase() === 'none')
      return { severity: 'critical', detail: `alg "${t.alg}"` };
    return t.unsigned ? { severity: 'critical', detail: 'empty signature' } : null;
  },
};
