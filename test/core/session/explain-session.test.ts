import { describe, expect, it } from 'vitest';
import { analyzeSite } from '../../../src/core/analyze-site';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { findHeaderTokens } from '../../../src/core/detect/find-header-tokens';
import { findStorageTokens } from '../../../src/core/detect/find-storage-tokens';
import { countMechanisms, explainSession } from '../../../src/core/session/explain-session';
import { makeCookie } from '../../fakes/make-cookie';
import { fixture } from '../../fixtures/fixtures';
import { DAY, NOW } from '../../fakes/clock';
import { makeJwt, unsecuredJwt } from '../../fakes/make-jwt';

const PAGE = 'https://app.example.com/';
const fromFixture = (id: string, over: Partial<CookieRecord> = {}) => {
  const f = fixture(id);
  return makeCookie({ name: f.cookie.name, value: f.cookie.value, ...over });
};

async function explain(cookies: CookieRecord[], tokens = [] as ReturnType<typeof findStorageTokens>) {
  const analysis = await analyzeSite(PAGE, cookies, NOW, { tokens });
  return explainSession(analysis, tokens, NOW);
}

describe('explainSession', () => {
  it('a server-side session id: opaque, HttpOnly, Strict, ends with the browser session', async () => {
    const [m] = await explain([
      makeCookie({ name: 'sid', value: 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e', sameSite: 'strict' }),
    ]);
    expect(m).toMatchObject({
      kind: 'server-session-id',
      location: 'cookie',
      where: 'cookie sid on app.example.com/',
      scriptReadable: false,
      protection: 'opaque',
      crossSite: 'never',
      lifetime: 'the cookie ends with the browser session',
    });
    expect(m!.ref.cookieKey).toBeDefined();
    expect(m!.ref.findingIds).toContain('host-prefix-recommended');
  });

  it('an express-session id is a signed id; the data stays on the server', async () => {
    const [m] = await explain([fromFixture('express-session-random')]);
    expect(m).toMatchObject({ kind: 'server-session-id', protection: 'signed' });
  });

  it('a Flask session is signed client-side data, readable by anyone holding it', async () => {
    const [m] = await explain([fromFixture('flask-plain', { httpOnly: false, sameSite: 'no_restriction' })]);
    expect(m).toMatchObject({
      kind: 'client-session',
      protection: 'signed',
      scriptReadable: true,
      crossSite: 'all-requests',
    });
    expect(m!.protectionDetail).toMatch(/can read/);
    expect(m!.ref.findingIds).toEqual(expect.arrayContaining(['session-httponly-missing', 'samesite-none']));
  });

  it('an encrypted Rails session is encrypted client-side data', async () => {
    const [m] = await explain([fromFixture('rails-encrypted', { name: '_app_session' })]);
    expect(m).toMatchObject({ kind: 'client-session', protection: 'encrypted' });
  });

  it('a JWT in a persistent cookie: signed, both lifetimes, no SameSite explained', async () => {
    const jwt = makeJwt({ sub: '1', exp: NOW / 1000 + 2 * 3600 });
    const [m] = await explain([
      makeCookie({
        name: 'token',
        value: jwt,
        sameSite: 'unspecified',
        browserSession: false,
        expirationDate: (NOW + 7 * DAY) / 1000,
      }),
    ]);
    expect(m).toMatchObject({ kind: 'jwt', label: 'JSON Web Token (HS256)', protection: 'signed' });
    expect(m!.lifetime).toBe('the cookie expires in 7 days; the token expires in 2 h');
    expect(m!.crossSite).toBe('top-level-navigations');
    expect(m!.crossSiteDetail).toMatch(/Firefox/);
  });

  it('an unsigned JWT says so', async () => {
    const [m] = await explain([makeCookie({ name: 'token', value: unsecuredJwt({ sub: '1' }) })]);
    expect(m).toMatchObject({ protection: 'unsigned' });
  });

  it('tokens in web storage and headers: readable (or unknown), never attached by the browser, linked to findings', async () => {
    const jwt = makeJwt({ sub: '1' });
    const stored = findStorageTokens([
      { key: 'access_token', value: jwt, area: 'localStorage', origin: 'https://app.example.com' },
      {
        key: 'refresh_token',
        value: 'k9Qz3LmX7pV2rT8wYb4NcD6fGh1JsA0e',
        area: 'sessionStorage',
        origin: 'https://app.example.com',
      },
    ]);
    const headers = findHeaderTokens({ Authorization: `Bearer ${jwt}` });
    const tokens = [...stored, ...headers];
    const analysis = await analyzeSite(PAGE, [], NOW, { tokens });
    const ms = explainSession(analysis, tokens, NOW);
    expect(ms.map((m) => [m.kind, m.location, m.scriptReadable, m.crossSite])).toEqual([
      ['jwt', 'localStorage', true, 'only-if-scripts-send-it'],
      ['opaque-token', 'sessionStorage', true, 'only-if-scripts-send-it'],
      ['jwt', 'header', null, 'only-if-scripts-send-it'],
    ]);
    expect(ms[0]!.ref).toEqual({
      storage: { area: 'localStorage', key: 'access_token', origin: 'https://app.example.com' },
      findingIds: expect.arrayContaining(['jwt-js-readable', 'jwt-no-exp']),
    });
    expect(ms[0]!.lifetime).toMatch(/no exp/);
    expect(ms[1]!.lifetime).toBe('kept until the tab closes');
    expect(ms[2]!.ref.header).toBe('authorization');
    expect(ms[2]!.ref.findingIds).not.toContain('jwt-js-readable');
  });

  it('tells only the first `limit` mechanisms, the same as the full list starts with, and counts them all', async () => {
    const jwt = makeJwt({ sub: '1' });
    const cookies = [
      fromFixture('express-session-random'),
      makeCookie({ name: 'theme', value: 'dark' }),
      makeCookie({ name: 'token', value: jwt }),
      fromFixture('flask-weak'),
    ];
    const tokens = findHeaderTokens({ Authorization: `Bearer ${jwt}`, 'X-Auth-Token': jwt });
    const analysis = await analyzeSite(PAGE, cookies, NOW, { tokens });
    const all = explainSession(analysis, tokens, NOW);
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(countMechanisms(analysis.cookies, tokens)).toBe(all.length);
    for (let limit = 0; limit <= all.length + 1; limit++) {
      expect(explainSession(analysis, tokens, NOW, limit)).toEqual(all.slice(0, limit));
    }
  });

  it('cookies that identify no session are not mechanisms', async () => {
    expect(await explain([makeCookie({ name: 'theme', value: 'dark' })])).toEqual([]);
  });
});
