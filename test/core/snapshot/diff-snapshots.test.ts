import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { diffSnapshots, restorePlan } from '../../../src/core/snapshot/diff-snapshots';
import { makeSnapshot, type StorageEntry } from '../../../src/core/snapshot/snapshot';
import { tokenChanges, tokenInValue } from '../../../src/core/snapshot/token-claims';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';
import { makeJwt } from '../../fakes/make-jwt';
import { cookieJar } from '../export/arbitrary-cookie';

const entry = (key: string, value: string, area: StorageEntry['area'] = 'localStorage'): StorageEntry => ({
  area,
  origin: 'https://app.example.com',
  key,
  value,
});

describe('diffSnapshots', () => {
  it('lists added, removed and changed cookies by full identity, with the attributes that changed', () => {
    const a = makeSnapshot(
      'alice',
      'example.com',
      1,
      [
        makeCookie({ name: 'sid', value: 'a1' }),
        makeCookie({ name: 'id', path: '/' }),
        makeCookie({ name: 'gone' }),
        makeCookie({ name: 'same' }),
      ],
      [],
    );
    const b = makeSnapshot(
      'bob',
      'example.com',
      2,
      [
        makeCookie({ name: 'sid', value: 'b1', secure: false }),
        makeCookie({ name: 'id', path: '/' }),
        makeCookie({ name: 'id', path: '/admin' }),
        makeCookie({ name: 'same' }),
      ],
      [],
    );
    const d = diffSnapshots(a, b);
    expect(d.cookies.added.map((c) => [c.name, c.path])).toEqual([['id', '/admin']]);
    expect(d.cookies.removed.map((c) => c.name)).toEqual(['gone']);
    expect(d.cookies.changed.map((c) => [c.after.name, c.attributes])).toEqual([['sid', ['value', 'secure']]]);
  });

  it('says which JWT claims changed in a cookie value', () => {
    const before = makeJwt({ sub: 'alice', role: 'user', exp: 100 });
    const after = makeJwt({ sub: 'bob', exp: 100, admin: true });
    const d = diffSnapshots(
      { cookies: [makeCookie({ name: 'token', value: before })], storage: [] },
      { cookies: [makeCookie({ name: 'token', value: after })], storage: [] },
    );
    expect(d.cookies.changed[0]?.tokenClaims).toEqual([
      { name: 'claims.sub', kind: 'changed', before: 'alice', after: 'bob' },
      { name: 'claims.role', kind: 'removed', before: 'user' },
      { name: 'claims.admin', kind: 'added', after: true },
    ]);
  });

  it('diffs storage entries by (area, origin, key), with claims of tokens inside JSON values', () => {
    const a = [
      entry('auth', JSON.stringify({ access_token: makeJwt({ sub: 'alice' }) })),
      entry('theme', 'dark'),
      entry('auth', 'x', 'sessionStorage'),
    ];
    const b = [
      entry('auth', JSON.stringify({ access_token: makeJwt({ sub: 'bob' }, { header: { alg: 'RS256' } }) })),
      entry('theme', 'dark'),
      entry('cart', '[]'),
    ];
    const d = diffSnapshots({ cookies: [], storage: a }, { cookies: [], storage: b });
    expect(d.storage.added.map((e) => e.key)).toEqual(['cart']);
    expect(d.storage.removed).toEqual([entry('auth', 'x', 'sessionStorage')]);
    expect(d.storage.changed).toHaveLength(1);
    expect(d.storage.changed[0]?.tokenClaims).toEqual([
      { name: 'header.alg', kind: 'changed', before: 'HS256', after: 'RS256' },
      { name: 'header.typ', kind: 'removed', before: 'JWT' },
      { name: 'claims.sub', kind: 'changed', before: 'alice', after: 'bob' },
    ]);
  });

  it('a snapshot diffed with itself is empty; with an empty one, everything is added', () => {
    fc.assert(
      fc.property(cookieJar(10), (cookies) => {
        const s = makeSnapshot('s', 'x', 0, cookies, []);
        const same = diffSnapshots(s, s);
        expect([same.cookies.added, same.cookies.removed, same.cookies.changed]).toEqual([[], [], []]);
        expect(diffSnapshots({ cookies: [], storage: [] }, s).cookies.added).toHaveLength(cookies.length);
      }),
    );
  });

  it('restorePlan sets what differs or is missing and removes the rest, so the jar becomes the snapshot', () => {
    fc.assert(
      fc.property(cookieJar(8), cookieJar(8), (current, target) => {
        const plan = restorePlan(current, target);
        const jar = new Map(current.map((c) => [cookieKey(c), c]));
        for (const c of plan.remove) jar.delete(cookieKey(c));
        for (const c of plan.set) jar.set(cookieKey(c), c);
        expect(
          diffSnapshots({ cookies: [...jar.values()], storage: [] }, { cookies: target, storage: [] }).cookies,
        ).toEqual({
          added: [],
          removed: [],
          changed: [],
        });
      }),
    );
  });
});

describe('tokens in values', () => {
  it('finds a JWT plain, Bearer-prefixed, URL-encoded or in JSON; nothing in other values', () => {
    const t = makeJwt({ sub: 'a' });
    for (const v of [
      t,
      `Bearer ${t}`,
      encodeURIComponent(`"${t}"`).replace(/%22/g, ''),
      JSON.stringify({ a: { b: t } }),
    ]) {
      expect(tokenInValue(v)?.claims).toEqual({ sub: 'a' });
    }
    expect(tokenInValue('plain')).toBeNull();
    expect(tokenChanges('a', 'b')).toBeNull();
  });

  it('a token appearing counts as its claims added', () => {
    expect(tokenChanges('none', makeJwt({ sub: 'a' }, { header: { alg: 'none' } }))).toEqual([
      { name: 'header.alg', kind: 'added', after: 'none' },
      { name: 'claims.sub', kind: 'added', after: 'a' },
    ]);
  });

  it('the snapshot is a copy of what it was given', () => {
    const c = cookieInPartition('https://a.test');
    const s = makeSnapshot('s', 'x', 0, [c], []);
    c.partitionKey!.topLevelSite = 'https://b.test';
    expect(s.cookies[0]?.partitionKey?.topLevelSite).toBe('https://a.test');
  });
});
