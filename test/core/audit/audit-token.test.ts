import { describe, expect, it } from 'vitest';
import { auditToken } from '../../../src/core/audit/audit-token';
import type { TokenLocation } from '../../../src/core/audit/audit-input';
import { decodeJwt } from '../../../src/core/decode/jwt';
import { DAY, NOW } from '../../fakes/clock';
import { HS256_HEADER, base64url, jsonSegment, makeJwt, unsecuredJwt } from '../../fakes/make-jwt';

const now = NOW / 1000;
const hs = HS256_HEADER;
const good = makeJwt({ sub: '1', iat: now - 60, exp: now + 3600 });
const ids = (token: string, location: TokenLocation = 'header', opts = {}) =>
  auditToken(token, location, NOW, opts).map((f) => `${f.ruleId}:${f.severity}`);

// RFC 7515 A.5 / RFC 7519 §6.1: the unsecured example token.
const RFC_UNSECURED =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

describe('auditToken', () => {
  it('finds nothing wrong with a short-lived signed token in a header', () => {
    expect(ids(good)).toEqual([]);
  });

  it('gives no findings for a value that is not a compact token', () => {
    expect(ids('not-a-token')).toEqual([]);
    expect(ids('a.b')).toEqual([]);
  });

  it.each([
    ['alg none', unsecuredJwt({ exp: now + 60 }), 'jwt-alg-none:critical'],
    [
      'alg NoNe in any case, signature present',
      makeJwt({ exp: now + 60 }, { header: { alg: 'NoNe' } }),
      'jwt-alg-none:critical',
    ],
    ['HS256 with an empty signature', makeJwt({ exp: now + 60 }, { signature: '' }), 'jwt-alg-none:critical'],
    ['the RFC 7519 §6.1 unsecured example', RFC_UNSECURED, 'jwt-alg-none:critical'],
    ['no exp', makeJwt({ sub: '1' }), 'jwt-no-exp:medium'],
    ['expired', makeJwt({ iat: now - 7200, exp: now - 3600 }), 'jwt-expired:low'],
    ['exp − iat of 25 hours', makeJwt({ iat: now, exp: now + 25 * 3600 }), 'jwt-long-lived:low'],
    ['exp 2 days away without iat', makeJwt({ exp: now + (2 * DAY) / 1000 }), 'jwt-long-lived:low'],
    [
      'a jwk in the header',
      makeJwt({ exp: now + 60 }, { header: { ...hs, jwk: { kty: 'oct' } } }),
      'jwt-header-key:medium',
    ],
    [
      'a jku in the header',
      makeJwt({ exp: now + 60 }, { header: { ...hs, jku: 'https://x/keys' } }),
      'jwt-header-key:medium',
    ],
    [
      'an x5u in the header',
      makeJwt({ exp: now + 60 }, { header: { ...hs, x5u: 'https://x/cert' } }),
      'jwt-header-key:medium',
    ],
    ['an x5c in the header', makeJwt({ exp: now + 60 }, { header: { ...hs, x5c: ['MII'] } }), 'jwt-header-key:medium'],
    ['an email claim', makeJwt({ exp: now + 60, email: 'a@b.example' }), 'client-session-sensitive:medium'],
  ])('reports %s', (_why, token, expected) => {
    expect(ids(token)).toContain(expected);
  });

  it.each([
    ['alg HS256 with a signature', makeJwt({ exp: now + 60 }), 'jwt-alg-none'],
    ['exp present', makeJwt({ exp: now + 60 }), 'jwt-no-exp'],
    ['a payload that is not JSON has no claims to miss', `${jsonSegment(hs)}.${base64url('hi')}.c2ln`, 'jwt-no-exp'],
    ['exp in the future', makeJwt({ exp: now + 60 }), 'jwt-expired'],
    ['exp − iat of exactly 24 hours', makeJwt({ iat: now - 3600, exp: now - 3600 + 24 * 3600 }), 'jwt-long-lived'],
    ['exp 23 hours away without iat', makeJwt({ exp: now + 23 * 3600 }), 'jwt-long-lived'],
    ['a kid only in the header', makeJwt({ exp: now + 60 }, { header: { ...hs, kid: 'k1' } }), 'jwt-header-key'],
    [
      'email_verified: true (a flag, no data)',
      makeJwt({ exp: now + 60, email_verified: true }),
      'client-session-sensitive',
    ],
  ])('does not report a near miss: %s', (_why, token, rule) => {
    expect(ids(token).some((x) => x.startsWith(`${rule}:`))).toBe(false);
  });

  it.each([
    ['localStorage', undefined, true],
    ['sessionStorage', undefined, true],
    ['cookie', false, true],
    ['cookie', true, false],
    ['cookie', undefined, false],
    ['header', undefined, false],
  ] as const)('jwt-js-readable in %s (httpOnly %s) → %s', (location, httpOnly, fires) => {
    const opts = httpOnly === undefined ? {} : { httpOnly };
    expect(ids(good, location, opts).includes('jwt-js-readable:medium')).toBe(fires);
  });

  it('audits a JWE header but not claims it cannot read', () => {
    const jwe = `${jsonSegment({ alg: 'RSA-OAEP', enc: 'A256GCM', jku: 'https://x' })}.a.b.c.d`;
    expect(ids(jwe, 'localStorage')).toEqual(['jwt-header-key:medium', 'jwt-js-readable:medium']);
  });

  it('takes a decoded token as well as a string', () => {
    const decoded = decodeJwt(makeJwt({ sub: '1' }));
    if (decoded.kind === 'not-jwt') throw new Error('fixture is a JWT');
    expect(auditToken(decoded, 'header', NOW).map((f) => f.ruleId)).toEqual(['jwt-no-exp']);
  });

  it('reports weak-secret and signature results from the verify inputs, with the location and name', () => {
    const weak = auditToken(good, 'localStorage', NOW, { name: 'access_token', weakSecret: { secret: 'secret' } });
    expect(weak[0]).toMatchObject({
      ruleId: 'weak-secret',
      severity: 'critical',
      location: 'localStorage',
      tokenName: 'access_token',
      detail: 'secret: secret',
    });
    expect(ids(good, 'header', { verification: { verified: true } })).toEqual(['signature-verified:info']);
    expect(ids(good, 'header', { verification: { verified: false } })).toEqual(['signature-invalid:medium']);
  });

  it('sorts its findings worst first', () => {
    const token = unsecuredJwt({ sub: '1' }, { jku: 'https://x' });
    expect(ids(token, 'localStorage')).toEqual([
      'jwt-alg-none:critical',
      'jwt-header-key:medium',
      'jwt-js-readable:medium',
      'jwt-no-exp:medium',
    ]);
  });
});
