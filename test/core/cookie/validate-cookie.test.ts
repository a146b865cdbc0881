import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { validateCookie } from '../../../src/core/cookie/validate-cookie';
import { makeCookie } from '../../fakes/make-cookie';
import { browserCookie, NOW } from '../export/arbitrary-cookie';

const codes = (over: Partial<CookieRecord>, host?: string): string[] =>
  validateCookie(makeCookie(over), { nowMs: NOW, ...(host !== undefined ? { host } : {}) }).map((p) => p.code);

describe('validateCookie: what the browser would refuse', () => {
  it('accepts a well-formed cookie', () => {
    expect(codes({})).toEqual([]);
  });

  it('accepts every generated browser-holdable cookie that is not __Host-/__Secure- named', () => {
    fc.assert(
      fc.property(
        browserCookie.filter((c) => !/^__(host|secure)-/i.test(c.name)),
        (c) => {
          expect(validateCookie(c, { nowMs: NOW })).toEqual([]);
        },
      ),
    );
  });

  it.each<[string, Partial<CookieRecord>, string]>([
    ['__Host- with a Domain', { name: '__Host-id', domain: '.example.com', hostOnly: false }, 'host-prefix'],
    ['__Host- on a sub-path', { name: '__Host-id', path: '/app' }, 'host-prefix'],
    ['__Host- without Secure', { name: '__Host-id', secure: false }, 'host-prefix'],
    ['__host- (any case) without Secure', { name: '__host-id', secure: false }, 'host-prefix'],
    ['__Secure- without Secure', { name: '__Secure-id', secure: false }, 'secure-prefix'],
    ['SameSite=None without Secure', { sameSite: 'no_restriction', secure: false }, 'samesite-none-insecure'],
    [
      'Partitioned without Secure',
      { partitionKey: { topLevelSite: 'https://a.test' }, secure: false },
      'partitioned-insecure',
    ],
    ['a partition site that is not a site', { partitionKey: { topLevelSite: 'a.test/path' } }, 'partition-key'],
    ['a control character in the value', { value: 'a\u0001b' }, 'value-chars'],
    ['a line break in the value', { value: 'a\nb' }, 'value-chars'],
    ['";" in the value', { value: 'a;b' }, 'value-chars'],
    ['";" in the name', { name: 'a;b' }, 'name-chars'],
    ['"=" in the name', { name: 'a=b' }, 'name-chars'],
    ['DEL in the name', { name: 'a\u007f' }, 'name-chars'],
    ['white space around the name', { name: ' id' }, 'name-chars'],
    ['an empty name and value', { name: '', value: '' }, 'empty'],
    ['a nameless cookie posing as __Host-', { name: '', value: '__Host-x' }, 'nameless-prefix'],
    ['name + value over 4,096 bytes', { value: 'é'.repeat(2047) }, 'too-large'],
    ['a path over 1,024 bytes', { path: `/${'a'.repeat(1024)}` }, 'attribute-too-large'],
    ['a path not starting with "/"', { path: 'app' }, 'path'],
    ['an expiry in the past (= deletion)', { browserSession: false, expirationDate: NOW / 1000 - 1 }, 'expired'],
    ['a Domain cookie for a public suffix', { domain: '.co.uk', hostOnly: false }, 'domain'],
    ['an empty domain', { domain: '' }, 'domain'],
    ['a domain that is not a host name', { domain: 'a b.test' }, 'domain'],
  ])('refuses %s, with a reason', (_label, over, code) => {
    const problems = validateCookie(makeCookie(over), { nowMs: NOW });
    expect(problems.map((p) => p.code)).toContain(code);
    for (const p of problems) expect(p.reason.length).toBeGreaterThan(10);
  });

  it('keeps a TAB, which RFC 6265bis allows in values', () => {
    expect(codes({ value: 'a\tb' })).toEqual([]);
  });

  it('counts bytes, not characters: 4,096 bytes pass, 4,097 do not', () => {
    expect(codes({ name: 'n', value: 'a'.repeat(4095) })).toEqual([]);
    expect(codes({ name: 'n', value: 'a'.repeat(4094) + 'é' })).toEqual(['too-large']);
  });

  it('regression: a cookie for a sibling domain does not match the page host', () => {
    expect(codes({ domain: 'b.example.com' }, 'a.example.com')).toEqual(['domain']);
    expect(codes({ domain: '.example.com', hostOnly: false }, 'a.example.com')).toEqual([]);
    expect(codes({ domain: '.ample.com', hostOnly: false }, 'example.com')).toEqual(['domain']);
    expect(codes({ domain: 'a.example.com' }, 'a.example.com')).toEqual([]);
  });
});
