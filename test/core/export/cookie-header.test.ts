import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCookieHeader, writeCookieHeader } from '../../../src/core/export/cookie-header';
import { cookieInPartition, makeCookie } from '../../fakes/make-cookie';
import { cookieName, cookieValue, NOW } from './arbitrary-cookie';

const URL_ = 'https://app.example.com/account/settings';
const opts = { nowMs: NOW };

describe('Cookie header writer', () => {
  it('carries only what one request to the URL carries, longer paths first', () => {
    const r = writeCookieHeader(
      [
        makeCookie({ name: 'root', value: '1' }),
        makeCookie({ name: 'deep', value: '2', path: '/account' }),
        makeCookie({ name: 'other-path', path: '/admin' }),
        makeCookie({ name: 'sibling', domain: 'www.example.com' }),
        makeCookie({ name: 'parent', value: '3', domain: '.example.com', hostOnly: false }),
        makeCookie({ name: 'lookalike', domain: '.ample.com', hostOnly: false }),
        makeCookie({ name: 'old', browserSession: false, expirationDate: NOW / 1000 - 1 }),
        cookieInPartition('https://example.com', { name: 'chips', value: '4' }),
        cookieInPartition('https://other.test', { name: 'chips-elsewhere' }),
      ],
      URL_,
      opts,
    );
    expect(r.text).toBe('deep=2; root=1; parent=3; chips=4');
    expect(Object.fromEntries(r.notSent.map((n) => [n.cookie.name, n.reason]))).toEqual({
      'other-path': 'path',
      sibling: 'domain',
      lookalike: 'domain',
      old: 'expired',
      'chips-elsewhere': 'partition',
    });
  });

  it('leaves Secure cookies out of an http request', () => {
    const r = writeCookieHeader(
      [makeCookie({ name: 's', secure: true }), makeCookie({ name: 'p', secure: false, value: 'x' })],
      'http://app.example.com/',
      opts,
    );
    expect(r.text).toBe('p=x');
    expect(r.notSent[0]?.reason).toBe('secure');
  });

  it('gives nothing for a URL that is not http(s)', () => {
    const r = writeCookieHeader([makeCookie()], 'javascript:alert(1)', opts);
    expect(r.text).toBe('');
    expect(r.notSent[0]?.reason).toBe('url');
  });

  it('round-trips names and values of one host', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(cookieName, cookieValue), { selector: ([n]) => n, maxLength: 10 }),
        (pairs) => {
          const cookies = pairs.map(([name, value]) => makeCookie({ name, value }));
          const header = writeCookieHeader(cookies, URL_, opts).text;
          const back = parseCookieHeader(header, { url: URL_, storeId: '0' });
          expect(back.problems).toEqual([]);
          expect(back.cookies.map((c) => [c.name, c.value])).toEqual(pairs);
        },
      ),
    );
  });
});

describe('Cookie header parser', () => {
  it('makes host-only session cookies on the URL host, Secure for https, accepting a "Cookie:" prefix', () => {
    const r = parseCookieHeader('Cookie: a=1; b=x=y ;  c=', { url: 'https://shop.example.com/cart', storeId: '7' });
    const onShop = (name: string, value: string) =>
      makeCookie({ name, value, domain: 'shop.example.com', httpOnly: false, sameSite: 'unspecified', storeId: '7' });
    expect(r.cookies).toEqual([onShop('a', '1'), onShop('b', 'x=y'), onShop('c', '')]);
  });

  it('regression: a name sent twice (two paths) keeps the first and says why, instead of silently colliding', () => {
    const r = parseCookieHeader('id=deep; id=root', { url: 'https://a.test/x/y', storeId: '0' });
    expect(r.cookies.map((c) => c.value)).toEqual(['deep']);
    expect(r.problems[0]?.reason).toMatch(/appears again/);
  });

  it('needs the URL, and refuses multi-line input', () => {
    expect(parseCookieHeader('a=1', { url: '', storeId: '0' }).problems[0]?.reason).toMatch(/give the URL/);
    expect(parseCookieHeader('a=1\nb=2', { url: 'https://a.test', storeId: '0' }).problems[0]?.reason).toMatch(
      /one line/,
    );
  });
});
