import { describe, expect, it } from 'vitest';
import {
  fromHarEntry,
  headerTokensOf,
  NETWORK_LIMITS,
  requestUrlsOf,
  type NetworkEntry,
} from '../../../src/core/network/network-entry';
import { setCookieRows } from '../../../src/core/network/set-cookie-rows';
import { record } from '../../ui/fixtures';
import { makeJwt } from '../../fakes/make-jwt';

const T = Date.UTC(2026, 5, 1, 12);

function har(url: string, request: Array<[string, string]> = [], response: Array<[string, string]> = []): unknown {
  return {
    startedDateTime: new Date(T).toISOString(),
    request: { url, method: 'POST', headers: request.map(([name, value]) => ({ name, value })) },
    response: { status: 200, headers: response.map(([name, value]) => ({ name, value })) },
  };
}

const entry = (...args: Parameters<typeof har>): NetworkEntry => fromHarEntry(har(...args))!;

describe('fromHarEntry', () => {
  it('keeps what the audit reads: URL, method, status, start time and both header lists', () => {
    expect(entry('https://app.example.com/api', [['Authorization', 'Bearer x']], [['Set-Cookie', 'a=1']])).toEqual({
      url: 'https://app.example.com/api',
      method: 'POST',
      status: 200,
      timeMs: T,
      requestHeaders: [{ name: 'Authorization', value: 'Bearer x' }],
      responseHeaders: [{ name: 'Set-Cookie', value: 'a=1' }],
    });
  });

  it('reads anything else as null or as empty parts, and cuts page-controlled strings to bounds', () => {
    for (const bad of [null, 1, 'x', {}, { request: {} }, { request: { url: 3 } }])
      expect(fromHarEntry(bad)).toBeNull();
    const e = fromHarEntry({
      request: {
        url: `https://a.example/${'u'.repeat(20_000)}`,
        headers: [{ name: 'x', value: 'v'.repeat(100_000) }, 'junk', { name: 1 }],
      },
    })!;
    expect(e.url).toHaveLength(NETWORK_LIMITS.urlChars);
    expect(e.method).toBe('GET');
    expect(e.status).toBe(0);
    expect(e.timeMs).toBe(0);
    expect(e.requestHeaders).toEqual([{ name: 'x', value: 'v'.repeat(NETWORK_LIMITS.headerValueChars) }]);
    expect(e.responseHeaders).toEqual([]);
  });
});

describe('headerTokensOf and requestUrlsOf', () => {
  it('finds each bearer token once across requests, and the URLs that could carry a session id', () => {
    const jwt = makeJwt({ sub: 'u1' });
    const entries = [
      entry('https://app.example.com/api/me', [['Authorization', `Bearer ${jwt}`]]),
      entry('https://app.example.com/api/items?page=2', [['authorization', `Bearer ${jwt}`]]),
      entry('https://app.example.com/x;jsessionid=abc', [['X-Auth-Token', 'f3a9c1d2e4b5a6978877665544332211']]),
    ];
    const tokens = headerTokensOf(entries);
    expect(tokens.map((t) => [t.location, t.name.toLowerCase(), t.token])).toEqual([
      ['header', 'authorization', jwt],
      ['header', 'x-auth-token', 'f3a9c1d2e4b5a6978877665544332211'],
    ]);
    expect(requestUrlsOf(entries)).toEqual([
      'https://app.example.com/api/items?page=2',
      'https://app.example.com/x;jsessionid=abc',
    ]);
  });
});

describe('setCookieRows', () => {
  it("judges the site's own Set-Cookie headers against the store: kept, rejected with the reason, not other sites'", () => {
    const entries = [
      entry('http://app.example.com/login', [], [['set-cookie', 'sid=abc; Path=/; HttpOnly\nnone=1; SameSite=None']]),
      entry('http://tracker.example.net/px', [], [['set-cookie', 'track=1']]),
    ];
    const stored = [record({ name: 'sid', value: 'abc', httpOnly: true, secure: false, sameSite: 'unspecified' })];
    const rows = setCookieRows(entries, stored, 'app.example.com', T);
    expect(rows.map((r) => [r.comparison.parsed.name, r.comparison.outcome])).toEqual([
      ['sid', 'kept'],
      ['none', 'rejected'],
    ]);
    expect(rows[1]!.comparison.reasons.map((r) => r.id)).toContain('rejected-samesite-none-insecure');
    expect(rows[0]!.url).toBe('http://app.example.com/login');
    expect(setCookieRows(entries, stored, '', T)).toEqual([]);
  });
});
