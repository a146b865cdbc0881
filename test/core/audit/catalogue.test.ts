import { describe, expect, it } from 'vitest';
import { RULES_BY_ID } from '../../../src/core/audit/catalogue';

/** Ids and severities of RULES.md's tables, copied by hand: the catalogue must match. */
const RULES_MD: Record<string, string[]> = {
  'session-httponly-missing': ['high'],
  'httponly-missing': ['info'],
  'session-secure-missing': ['high'],
  'secure-missing': ['low'],
  'samesite-unspecified': ['low'],
  'samesite-none': ['medium', 'info'],
  'csrf-without-samesite': ['medium'],
  'domain-too-broad': ['medium', 'info'],
  'host-prefix-recommended': ['info'],
  'session-persistent': ['low', 'info'],
  'expiry-over-400-days': ['low'],
  'size-near-limit': ['info'],
  'too-many-cookies': ['low', 'info'],
  'cookie-shadowed': ['medium', 'low'],
  'framework-session-name': ['info'],
  'session-id-low-entropy': ['high'],
  'client-session-readable': ['info'],
  'client-session-sensitive': ['medium'],
  'jwt-alg-none': ['critical'],
  'jwt-no-exp': ['medium'],
  'jwt-expired': ['low'],
  'jwt-long-lived': ['low'],
  'jwt-header-key': ['medium'],
  'jwt-js-readable': ['medium'],
  'weak-secret': ['critical'],
  'signature-verified': ['info'],
  'signature-invalid': ['medium'],
  'jwt-kid-suspicious': ['medium'],
  'session-id-in-url': ['high'],
  'rejected-samesite-none-insecure': ['high'],
  'rejected-secure-prefix': ['high'],
  'rejected-host-prefix': ['high'],
  'rejected-partitioned-insecure': ['high'],
  'rejected-too-large': ['medium'],
  'rejected-control-chars': ['medium'],
  'samesite-invalid': ['low'],
  'secure-from-http': ['medium'],
  'session-not-rotated': ['high'],
  'session-not-cleared': ['medium'],
  'session-not-invalidated': ['high'],
};

describe('rule catalogue', () => {
  it('implements exactly the rules of RULES.md written so far', () => {
    expect([...RULES_BY_ID.keys()].sort()).toEqual(Object.keys(RULES_MD).sort());
  });

  it.each(Object.entries(RULES_MD))('%s has the severities %j', (id, severities) => {
    expect(RULES_BY_ID.get(id)?.severities).toEqual(severities);
  });

  it.each([...RULES_BY_ID.values()])('$id explains itself in one sentence and cites a source', (rule) => {
    for (const text of [rule.explanation, rule.fix]) {
      expect(text).toMatch(/^[A-Z][^]*\.$/);
      expect(text.slice(0, -1)).not.toMatch(/\.\s+[A-Z]/);
    }
    expect(rule.source).not.toBe('');
    if (rule.sourceUrl !== undefined) expect(rule.sourceUrl).toMatch(/^https:\/\//);
  });
});
