import type { TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

/** What injection into a key lookup looks like, by the lookup it targets. */
const PATTERNS: ReadonlyArray<{ what: string; test: RegExp }> = [
  { what: 'path traversal', test: /\.\.[/\\]|\/dev\// },
  { what: 'shell metacharacters', test: /[|;`]|\$\(/ },
  { what: 'SQL', test: /'|--|\bunion\b/i },
];

export const jwtKidSuspicious: TokenRule = {
  id: 'jwt-kid-suspicious',
  severities: ['medium'],
  explanation:
    'The token header kid holds path, shell or SQL syntax, a sign that someone probes whether the server looks keys up unsafely by kid.',
  fix: 'Look keys up by kid in a fixed allow-list only, never in files, shell commands or SQL built from it.',
  source: 'jwt_tool kid injection checks; OWASP JWT cheat sheet',
  sourceUrl: SOURCE_URL.owaspJwt,
  check: (t) => {
    const kid = t.header.kid;
    if (typeof kid !== 'string') return null;
    const hits = PATTERNS.filter((p) => p.test.test(kid)).map((p) => p.what);
    if (hits.length === 0) return null;
    const shown = kid.length > 64 ? `${kid.slice(0, 64)}…` : kid;
    return { severity: 'medium', detail: `kid ${JSON.stringify(shown)}: ${hits.join(', ')}` };
  },
};
