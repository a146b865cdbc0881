import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { repeatedNames, siteOf, wouldSend, type RequestKind } from '../../../src/core/cookie/would-send';
import { cookiesNamed, makeCookie } from '../../fakes/make-cookie';

const NOW = Date.UTC(2026, 0, 1);
const c = (over: Partial<CookieRecord>) => makeCookie({ domain: 'example.com', ...over });
const reasonsOf = (r: ReturnType<typeof wouldSend>, name: string) =>
  r.notSent.find((n) => n.cookie.name === name)?.reasons.map((x) => x.reason);

describe('wouldSend', () => {
  it('orders the header by longer path first, then by creation time (RFC 6265bis §5.8.3)', () => {
    const a = c({ name: 'a', path: '/' });
    const b = c({ name: 'b', path: '/api/v1' });
    const d = c({ name: 'd', path: '/api' });
    const e = c({ name: 'e', path: '/' });
    const createdMs = new Map([
      [cookieKey(a), 2],
      [cookieKey(e), 1],
    ]);
    const r = wouldSend([a, b, d, e], {
      url: 'https://example.com/api/v1/x',
      kind: 'top-level-navigation',
      nowMs: NOW,
      createdMs,
    });
    expect(r.sent.map((x) => x.name)).toEqual(['b', 'd', 'e', 'a']);
    expect(r.header).toBe('b=v; d=v; e=v; a=v');
    expect(r.orderCertain).toBe(true);
  });

  it('without creation times keeps the input order for equal paths and says the order is uncertain', () => {
    const r = wouldSend([c({ name: 'x' }), c({ name: 'y' })], {
      url: 'https://example.com/',
      kind: 'top-level-navigation',
      nowMs: NOW,
    });
    expect(r.sent.map((x) => x.name)).toEqual(['x', 'y']);
    expect(r.orderCertain).toBe(false);
  });

  it('says the order is uncertain when two equal paths have the same creation time', () => {
    const [x, y] = cookiesNamed(['x', 'y'], {}, c);
    const createdMs = new Map([
      [cookieKey(x), 5],
      [cookieKey(y), 5],
    ]);
    const r = wouldSend([x, y], { url: 'https://example.com/', kind: 'top-level-navigation', nowMs: NOW, createdMs });
    expect(r.sent.map((s) => s.name)).toEqual(['x', 'y']);
    expect(r.orderCertain).toBe(false);
  });

  it('names the cookies a request carries more than once (shadowing)', () => {
    const own = c({ name: 'sid', value: 'own' });
    const parent = c({ name: 'sid', domain: '.example.com', hostOnly: false, value: 'parent' });
    const r = wouldSend([own, parent, c({ name: 'theme' })], {
      url: 'https://example.com/',
      kind: 'top-level-navigation',
      nowMs: NOW,
    });
    expect([...repeatedNames(r.sent)]).toEqual(['sid']);
    expect(repeatedNames([c({ name: 'a' }), c({ name: 'b' })]).size).toBe(0);
  });

  it('gives the reason for each cookie that stays home', () => {
    const jar = [
      c({ name: 'ok' }),
      c({ name: 'other-host', domain: 'app.example.com' }),
      c({ name: 'parent', domain: '.example.com', hostOnly: false }),
      c({ name: 'deep', path: '/admin' }),
      c({ name: 'old', browserSession: false, expirationDate: NOW / 1000 - 1 }),
      c({ name: 'box', storeId: 'firefox-container-1' }),
    ];
    const r = wouldSend(jar, { url: 'http://example.com/', kind: 'top-level-navigation', nowMs: NOW, storeId: '0' });
    expect(r.sent.map((x) => x.name)).toEqual([]);
    expect(reasonsOf(r, 'ok')).toEqual(['secure']);
    expect(reasonsOf(r, 'other-host')).toEqual(['domain', 'secure']);
    expect(reasonsOf(r, 'parent')).toEqual(['secure']);
    expect(reasonsOf(r, 'deep')).toEqual(['path', 'secure']);
    expect(reasonsOf(r, 'old')).toEqual(['expired', 'secure']);
    expect(reasonsOf(r, 'box')).toEqual(['store', 'secure']);
  });

  it('sends Secure cookies to http://localhost, a secure context', () => {
    const r = wouldSend([makeCookie({ domain: 'localhost' })], {
      url: 'http://localhost:8080/',
      kind: 'top-level-navigation',
      nowMs: NOW,
    });
    expect(r.sent).toHaveLength(1);
  });

  const strict = c({ name: 'strict', sameSite: 'strict' });
  const lax = c({ name: 'lax', sameSite: 'lax' });
  const none = c({ name: 'none', sameSite: 'no_restriction' });
  const unspecified = c({ name: 'unspecified', sameSite: 'unspecified' });
  const jar = [strict, lax, none, unspecified];

  it.each<[string, RequestKind, string | undefined, string | undefined, string[]]>([
    ['typed navigation', 'top-level-navigation', undefined, 'GET', ['strict', 'lax', 'none', 'unspecified']],
    [
      'same-site navigation',
      'top-level-navigation',
      'https://www.example.com',
      'GET',
      ['strict', 'lax', 'none', 'unspecified'],
    ],
    ['cross-site GET navigation', 'top-level-navigation', 'https://other.test', 'GET', ['lax', 'none', 'unspecified']],
    ['cross-site POST navigation', 'top-level-navigation', 'https://other.test', 'POST', ['none']],
    ['same-site subresource', 'same-site-subresource', undefined, undefined, ['strict', 'lax', 'none', 'unspecified']],
    ['cross-site subresource', 'cross-site-subresource', 'https://other.test', undefined, ['none']],
    ['credentialed cross-site fetch', 'cross-site-fetch', 'https://other.test', undefined, ['none']],
  ])('SameSite on a %s', (_what, kind, topLevelSite, method, expected) => {
    const r = wouldSend(jar, { url: 'https://example.com/', kind, topLevelSite, method, nowMs: NOW });
    expect(r.sent.map((x) => x.name).sort()).toEqual([...expected].sort());
    for (const n of r.notSent) expect(n.reasons.map((x) => x.reason)).toEqual(['samesite']);
  });

  it('treats a cookie without SameSite as None when asked (Firefox)', () => {
    const r = wouldSend([unspecified], {
      url: 'https://example.com/',
      kind: 'cross-site-subresource',
      nowMs: NOW,
      unspecifiedSameSite: 'none',
    });
    expect(r.sent).toHaveLength(1);
  });

  it('sends a partitioned cookie only under its own top-level site', () => {
    const chips = c({ name: 'chips', sameSite: 'no_restriction', partitionKey: { topLevelSite: 'https://top.test' } });
    const under = (topLevelSite: string | undefined, kind: RequestKind = 'cross-site-subresource') =>
      wouldSend([chips], { url: 'https://example.com/', kind, topLevelSite, nowMs: NOW });
    expect(under('https://www.top.test/page').sent).toHaveLength(1);
    expect(reasonsOf(under('https://elsewhere.test'), 'chips')).toEqual(['partition']);
    expect(reasonsOf(under(undefined), 'chips')).toEqual(['partition']);
    expect(reasonsOf(under(undefined, 'top-level-navigation'), 'chips')).toEqual(['partition']);
    // http://top.test is another (schemeful) site.
    expect(reasonsOf(under('http://top.test'), 'chips')).toEqual(['partition']);
  });

  it('blocks unpartitioned cookies cross-site when third-party cookies are off, but not partitioned ones', () => {
    const chips = c({ name: 'chips', sameSite: 'no_restriction', partitionKey: { topLevelSite: 'https://top.test' } });
    const r = wouldSend([none, chips], {
      url: 'https://example.com/',
      kind: 'cross-site-fetch',
      topLevelSite: 'https://top.test',
      nowMs: NOW,
      blockThirdPartyCookies: true,
    });
    expect(r.sent.map((x) => x.name)).toEqual(['chips']);
    expect(reasonsOf(r, 'none')).toEqual(['third-party-blocked']);
  });

  it('keeps third-party blocking off a cross-site top-level navigation (the page opened is first-party)', () => {
    const r = wouldSend([none], {
      url: 'https://example.com/',
      kind: 'top-level-navigation',
      topLevelSite: 'https://other.test',
      nowMs: NOW,
      blockThirdPartyCookies: true,
    });
    expect(r.sent.map((x) => x.name)).toEqual(['none']);
  });

  it('an unparsable URL sends nothing and says why', () => {
    const r = wouldSend([c({ name: 'x' })], { url: 'not a url', kind: 'top-level-navigation', nowMs: NOW });
    expect(r.sent).toEqual([]);
    expect(reasonsOf(r, 'x')).toEqual(['domain']);
  });

  it('siteOf is schemeful and uses the Public Suffix List', () => {
    expect(siteOf('https://a.b.example.co.uk/x')).toBe('https://example.co.uk');
    expect(siteOf('http://example.com')).toBe('http://example.com');
    expect(siteOf('nope')).toBeUndefined();
  });

  it('every cookie is either sent or has a reason; the header follows path length', () => {
    const cookieArb = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      domain: fc.constantFrom('example.com', '.example.com', 'app.example.com', 'other.test'),
      path: fc.constantFrom('/', '/api', '/api/v1', '/x'),
      secure: fc.boolean(),
      sameSite: fc.constantFrom('no_restriction', 'lax', 'strict', 'unspecified' as const),
      partitioned: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(cookieArb, { maxLength: 12 }),
        fc.constantFrom<RequestKind>(
          'top-level-navigation',
          'same-site-subresource',
          'cross-site-subresource',
          'cross-site-fetch',
        ),
        fc.constantFrom('https://app.example.com/api/v1/z', 'http://example.com/x'),
        (specs, kind, url) => {
          const jar = specs.map((s) =>
            makeCookie({
              name: s.name,
              domain: s.domain,
              hostOnly: !s.domain.startsWith('.'),
              path: s.path,
              secure: s.secure,
              sameSite: s.sameSite,
              ...(s.partitioned ? { partitionKey: { topLevelSite: 'https://example.com' } } : {}),
            }),
          );
          const r = wouldSend(jar, { url, kind, topLevelSite: 'https://example.com', nowMs: NOW });
          expect(r.sent.length + r.notSent.length).toBe(jar.length);
          for (const n of r.notSent) expect(n.reasons.length).toBeGreaterThan(0);
          for (let i = 1; i < r.sent.length; i++) {
            expect(r.sent[i - 1]!.path.length).toBeGreaterThanOrEqual(r.sent[i]!.path.length);
          }
        },
      ),
    );
  });
});
