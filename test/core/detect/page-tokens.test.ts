import { describe, expect, it } from 'vitest';
import { MAX_PAGE_TOKENS, tokensInHeaders, tokensInStorage } from '../../../src/core/detect/page-tokens';
import { makeJwt } from '../../fakes/make-jwt';

const jwt = makeJwt({ sub: 'u1' });

describe('tokensInStorage', () => {
  it('finds a token as a value, a JSON-quoted value and a field of a JSON object', () => {
    const found = tokensInStorage(
      [
        ['token', jwt],
        ['quoted', JSON.stringify(jwt)],
        ['auth', JSON.stringify({ access_token: jwt, expires_in: 3600 })],
        ['theme', 'dark'],
        ['broken', '{not json'],
      ],
      'localStorage',
    );
    expect(found.map((t) => [t.location, t.name])).toEqual([
      ['localStorage', 'token'],
      ['localStorage', 'quoted'],
      ['localStorage', 'auth.access_token'],
    ]);
    expect(found.every((t) => t.token === jwt)).toBe(true);
  });

  it('keeps at most MAX_PAGE_TOKENS tokens and cuts long keys', () => {
    const many = Array.from({ length: MAX_PAGE_TOKENS + 50 }, (_, i) => [`k${i}`, jwt] as const);
    expect(tokensInStorage(many, 'sessionStorage')).toHaveLength(MAX_PAGE_TOKENS);
    const [long] = tokensInStorage([['x'.repeat(10_000), jwt]], 'sessionStorage');
    expect(long!.name.length).toBeLessThan(300);
  });
});

describe('tokensInHeaders', () => {
  it('finds bearer and bare tokens once per header and token, never in Cookie', () => {
    const found = tokensInHeaders([
      { authorization: `Bearer ${jwt}`, accept: 'text/html' },
      { Authorization: `Bearer ${jwt}`, 'x-access-token': jwt, cookie: `t=${jwt}` },
    ]);
    expect(found.map((t) => t.name)).toEqual(['authorization', 'x-access-token']);
    expect(found[0]!.token).toBe(jwt);
  });
});
