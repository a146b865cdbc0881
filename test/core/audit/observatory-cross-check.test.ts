import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/audit/finding';
import { runAudit } from '../../../src/core/audit/run-audit';
import { severityRank } from '../../../src/core/audit/sort-findings';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { audited } from './audited';
import { NOW } from '../../fakes/clock';
import { makeJwt } from '../../fakes/make-jwt';

/** Just enough of Set-Cookie for these cases: name=value, then flag attributes. */
function fromSetCookie(header: string, pageUrl: string): Partial<CookieRecord> {
  const [pair = '', ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const lower = attrs.map((a) => a.toLowerCase());
  const sameSite = lower.find((a) => a.startsWith('samesite='))?.slice('samesite='.length);
  return {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    domain: new URL(pageUrl).hostname,
    hostOnly: true,
    secure: lower.includes('secure'),
    httpOnly: lower.includes('httponly'),
    sameSite:
      sameSite === 'lax'
        ? 'lax'
        : sameSite === 'strict'
          ? 'strict'
          : sameSite === 'none'
            ? 'no_restriction'
            : 'unspecified',
    browserSession: true,
  };
}

/**
 * The MDN HTTP Observatory's verdict on a site whose only cookie is the one given (its cookie test in
 * mdn/mdn-http-observatory, src/analyzer/tests/cookies.js), and the rule RULES.md names as our counterpart,
 * with that rule's severity: our findings must include one at least that severe.
 */
const CASES: Array<{ header: string; page: string; observatory: string; ours: string; atLeast: Severity }> = [
  {
    header: 'theme=dark',
    page: 'https://example.com/',
    observatory: 'cookies-without-secure-flag',
    ours: 'secure-missing',
    atLeast: 'low',
  },
  {
    header: 'PHPSESSID=abc; Secure; SameSite=Lax',
    page: 'https://example.com/',
    observatory: 'cookies-session-without-httponly-flag',
    ours: 'session-httponly-missing',
    atLeast: 'high',
  },
  {
    header: 'PHPSESSID=abc; HttpOnly',
    page: 'https://example.com/',
    observatory: 'cookies-session-without-secure-flag',
    ours: 'session-secure-missing',
    atLeast: 'high',
  },
  {
    header: 'csrftoken=1; Secure',
    page: 'https://example.com/',
    observatory: 'cookies-anticsrf-without-samesite-flag',
    ours: 'csrf-without-samesite',
    atLeast: 'medium',
  },
  {
    // The Observatory's sess/login name test misses connect.sid, so it only sees a cookie set over http.
    header: 'connect.sid=s%3AGx2u0ZkT7pQ9rW4yB1nV8mC3dF6hJ5kL.Zm9vYmFyYmF6cXV4; HttpOnly',
    page: 'http://example.com/',
    observatory: 'cookies-without-secure-flag',
    ours: 'session-secure-missing',
    atLeast: 'high',
  },
];

describe('cross-check with the MDN HTTP Observatory', () => {
  it.each(CASES)('$header: Observatory $observatory ⇒ our $ours', ({ header, page, ours, atLeast }) => {
    const c = audited(fromSetCookie(header, page));
    const audit = runAudit({ pageUrl: page, cookies: [c], nowMs: NOW });
    const ids = audit.findings.map((f) => f.ruleId);
    expect(ids).toContain(ours);
    expect(severityRank(audit.findings[0]!.severity)).toBeLessThanOrEqual(severityRank(atLeast));
  });

  it('recognises session cookies that its sess/login name test misses', () => {
    const page = 'https://example.com/';
    const jwt = makeJwt({ sub: '1', exp: NOW / 1000 + 60 }, { header: { alg: 'HS256' } });
    for (const header of ['connect.sid=s%3Aabc.def; HttpOnly', 'sid=abc', `profile=${jwt}`]) {
      const c = audited(fromSetCookie(header, page));
      expect(c.sessionReason, header).not.toBeNull();
    }
  });
});
