import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/core/audit/run-audit';
import {
  findStorageTokens,
  MAX_STORAGE_TOKENS,
  MAX_TOKENS_PER_ENTRY,
  type StorageEntry,
} from '../../../src/core/detect/find-storage-tokens';
import { NOW } from '../../fakes/clock';
import { jsonSegment, makeJwt } from '../../fakes/make-jwt';

const ORIGIN = 'https://app.example.com';
const JWT = makeJwt({ sub: '1', exp: NOW / 1000 + 600 });
const JWE = `${jsonSegment({ alg: 'dir', enc: 'A256GCM' })}..aXY.Y2lwaGVy.dGFn`;
const OPAQUE = 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e';
const local = (key: string, value: string): StorageEntry => ({ key, value, area: 'localStorage', origin: ORIGIN });

describe('findStorageTokens', () => {
  it('finds a JWT and a JWE under any key, JSON-quoted or with Bearer', () => {
    const found = findStorageTokens([
      local('state', JWT),
      local('quoted', JSON.stringify(JWT)),
      { key: 'x', value: `Bearer ${JWT}`, area: 'sessionStorage', origin: ORIGIN },
      local('enc', JWE),
    ]);
    expect(found.map((t) => [t.name, t.kind, t.location])).toEqual([
      ['state', 'jwt', 'localStorage'],
      ['quoted', 'jwt', 'localStorage'],
      ['x', 'jwt', 'sessionStorage'],
      ['enc', 'jwe', 'localStorage'],
    ]);
    expect(found.every((t) => t.token === JWT || t.token === JWE)).toBe(true);
    expect(found[0]).toMatchObject({ storageKey: 'state', origin: ORIGIN });
  });

  it('finds opaque high-entropy ids only under token-like keys', () => {
    const found = findStorageTokens([
      local('refresh_token', OPAQUE),
      local('userSid', OPAQUE),
      local('layout', OPAQUE),
      local('csrf_token', OPAQUE),
      local('auth_token', 'aaaaaaaaaaaaaaaaaaaaaa'),
      local('session', 'short'),
    ]);
    expect(found.map((t) => [t.name, t.kind])).toEqual([['refresh_token', 'opaque']]);
  });

  it('finds tokens nested in JSON values, with their path and the library when recognised', () => {
    const auth0 = {
      body: { access_token: JWT, id_token: JWT, refresh_token: OPAQUE, scope: 'openid profile', expires_in: 86400 },
      expiresAt: 1,
    };
    const found = findStorageTokens([
      local('@@auth0spajs@@::client::default::openid', JSON.stringify(auth0)),
      local('prefs', JSON.stringify({ theme: 'dark', list: [{ tokens: [OPAQUE] }] })),
    ]);
    expect(found.map((t) => [t.path, t.kind, t.label])).toEqual([
      ['$.body.access_token', 'jwt', 'Auth0 SPA SDK cache'],
      ['$.body.id_token', 'jwt', 'Auth0 SPA SDK cache'],
      ['$.body.refresh_token', 'opaque', 'Auth0 SPA SDK cache'],
      ['$.list[0].tokens[0]', 'opaque', undefined],
    ]);
    expect(found[0]!.name).toBe('@@auth0spajs@@::client::default::openid $.body.access_token');
  });

  it('stops at the depth bound', () => {
    let deep: unknown = { token: JWT };
    for (let i = 0; i < 20; i++) deep = { a: deep };
    expect(findStorageTokens([local('deep', JSON.stringify(deep))])).toEqual([]);
    let shallow: unknown = { token: JWT };
    for (let i = 0; i < 5; i++) shallow = { a: shallow };
    expect(findStorageTokens([local('shallow', JSON.stringify(shallow))])).toHaveLength(1);
  });

  it('bounds the tokens per entry and in all', () => {
    const many = JSON.stringify(Array.from({ length: 100 }, () => JWT));
    expect(findStorageTokens([local('list', many)])).toHaveLength(MAX_TOKENS_PER_ENTRY);
    const entries = Array.from({ length: MAX_STORAGE_TOKENS + 10 }, (_, i) => local(`k${i}`, JWT));
    expect(findStorageTokens(entries)).toHaveLength(MAX_STORAGE_TOKENS);
  });

  it('every token found goes through the token rules: jwt-js-readable for each web-storage JWT', () => {
    const tokens = findStorageTokens([
      local('access_token', JWT),
      { key: 'sess', value: JSON.stringify({ jwt: JWT }), area: 'sessionStorage', origin: ORIGIN },
      local('refresh_token', OPAQUE),
    ]);
    const audit = runAudit({ pageUrl: `${ORIGIN}/`, cookies: [], nowMs: NOW, tokens });
    const readable = audit.findings.filter((f) => f.ruleId === 'jwt-js-readable');
    expect(readable.map((f) => [f.tokenName, f.location, f.severity])).toEqual([
      ['access_token', 'localStorage', 'medium'],
      ['sess $.jwt', 'sessionStorage', 'medium'],
    ]);
  });

  it('never throws on arbitrary entries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.string(), value: fc.oneof(fc.string(), fc.json()) }), { maxLength: 8 }),
        (raw) => {
          const found = findStorageTokens(raw.map((r) => local(r.key, r.value)));
          expect(() => structuredClone(found)).not.toThrow();
        },
      ),
    );
  });

  it('stays fast on a 1 MB JSON value', () => {
    const big = JSON.stringify({ items: Array.from({ length: 40_000 }, (_, i) => ({ id: i, token: 'x' })) });
    const t0 = performance.now();
    findStorageTokens([local('cache', big)]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
