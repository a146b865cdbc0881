/**
 * What the audit must find on the audit site (audit-site.ts), worked out by hand from RULES.md, not by running
 * the audit code. The page is served over http, so `secure-missing` (https only) never applies.
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Expected = Record<string, readonly string[]>;

/** `rule-id:severity`, sorted, per cookie, as the Chromium jar holds the site (with the Domain cookie). */
export const EXPECTED_FINDINGS: Expected = {
  // No HttpOnly, no Secure, no SameSite, a framework's default name; 32 chars of [a-z0-9] is plenty of entropy.
  sessionid: [
    'framework-session-name:info',
    'host-prefix-recommended:info',
    'samesite-unspecified:low',
    'session-httponly-missing:high',
    'session-secure-missing:high',
  ],
  // Session by name ("token"); hardened cookie, unsigned token.
  id_token: ['host-prefix-recommended:info', 'jwt-alg-none:critical'],
  // Session by name ("token"); hardened cookie, no exp in the token.
  access_token: ['host-prefix-recommended:info', 'jwt-no-exp:medium'],
  // Not a session (csrftoken is excluded by name): no SameSite is what matters, HttpOnly is only advice.
  csrftoken: ['csrf-without-samesite:medium', 'httponly-missing:info', 'samesite-unspecified:low'],
  // Session by name ("auth"), hardened, but Domain=<parent> of the page host.
  sso_auth: ['domain-too-broad:medium', 'host-prefix-recommended:info'],
  // HttpOnly, Secure, SameSite=Strict, host-only, not a session: nothing to say.
  lang: [],
};

const PENALTY: Record<Severity, number> = { critical: 40, high: 25, medium: 10, low: 3, info: 0 };

function severityOf(entry: string): Severity {
  return entry.slice(entry.lastIndexOf(':') + 1) as Severity;
}

/** RULES.md "Site grade", applied to a table. */
export function expectedGrade(expected: Expected): { score: number; grade: string } {
  const lost = Object.values(expected)
    .flat()
    .reduce((sum, e) => sum + PENALTY[severityOf(e)], 0);
  const score = Math.max(0, 100 - lost);
  const grade = score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : score >= 40 ? 'D' : 'F';
  return { score, grade };
}

/** What the toolbar badge counts: critical + high findings. */
export function expectedBadgeCount(expected: Expected): number {
  return Object.values(expected)
    .flat()
    .filter((e) => ['critical', 'high'].includes(severityOf(e))).length;
}
