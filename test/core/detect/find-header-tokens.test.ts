import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/core/audit/run-audit';
import { findHeaderTokens } from '../../../src/core/detect/find-header-tokens';
import { NOW } from '../../fakes/clock';
import { makeJwt } from '../../fakes/make-jwt';

const JWT = makeJwt({ sub: '1' }, { header: { alg: 'HS256', kid: '../../dev/null' } });
const OPAQUE = 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e';

describe('findHeaderTokens', () => {
  it('reads Authorization bearer-like schemes and token-like header names', () => {
    const found = findHeaderTokens([
      { name: 'Authorization', value: `Bearer ${JWT}` },
      { name: 'X-Auth-Token', value: OPAQUE },
      { name: 'X-Api-Key', value: OPAQUE },
      { name: 'X-Forwarded-For', value: JWT },
      { name: 'Proxy-Authorization', value: `Token ${OPAQUE}` },
    ]);
    expect(found.map((t) => [t.name, t.kind])).toEqual([
      ['authorization', 'jwt'],
      ['x-auth-token', 'opaque'],
      ['x-api-key', 'opaque'],
      ['x-forwarded-for', 'jwt'],
      ['proxy-authorization', 'opaque'],
    ]);
    expect(found.every((t) => t.location === 'header')).toBe(true);
  });

  it('skips Basic credentials, cookies, anti-CSRF tokens and low-entropy values', () => {
    expect(
      findHeaderTokens({
        authorization: 'Basic dXNlcjpwYXNzd29yZA==',
        cookie: `sid=${OPAQUE}`,
        'x-csrf-token': OPAQUE,
        'x-auth-token': '12345',
        accept: OPAQUE,
      }),
    ).toEqual([]);
  });

  it('reports one entry per header and token however many requests repeat it', () => {
    const h = { name: 'authorization', value: `Bearer ${JWT}` };
    expect(findHeaderTokens([h, h, { ...h, name: 'Authorization' }])).toHaveLength(1);
  });

  it('header tokens go through the token rules (jwt-kid-suspicious, jwt-no-exp) but are not called script-readable', () => {
    const tokens = findHeaderTokens({ Authorization: `Bearer ${JWT}` });
    const ids = runAudit({ pageUrl: 'https://a.test/', cookies: [], nowMs: NOW, tokens }).findings.map((f) => f.ruleId);
    expect(ids).toContain('jwt-kid-suspicious');
    expect(ids).toContain('jwt-no-exp');
    expect(ids).not.toContain('jwt-js-readable');
  });
});
