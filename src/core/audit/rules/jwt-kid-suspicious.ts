import type { TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

/** What injection into a key lookup looks like, by the lookup it targets. */
const PATTERNS: ReadonlyArray<{ what: string; test: RegExp }> = [
  { what: 'path traversal', test: /\.\.[/\\]|\/dev\// },
  { what: 'shell metacharacters', test: /[|;`]|\$\(/ },
  { what: 'SQL', test: /'|--|\bunion\b/i },
];

export const jwtKidSuspicious: TokenRule = {
  ...ruleInfo('jwt-kid-suspicious'),
  check: (t) => {
    const kid = t.header.kid;
    if (typeof kid !== 'string') return null;
    const hits = PATTERNS.filter((p) => p.test.test(kid)).map((p) => p.what);
    if (hits.length === 0) return null;
    const shown = kid.length > 64 ? `${kid.slice(0, 64)}…` : kid;
    return { severity: 'medium', detail: `kid ${JSON.stringify(shown)}: ${hits.join(', ')}` };
  },
};
