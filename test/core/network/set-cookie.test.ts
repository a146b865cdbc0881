import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCookieDate } from '../../../src/core/network/cookie-date';
import {
  MAX_ATTRIBUTES,
  MAX_SET_COOKIE_CHARS,
  parseSetCookie,
  splitSetCookieLines,
} from '../../../src/core/network/set-cookie';

describe('parseCookieDate (RFC 6265bis §5.1.1)', () => {
  it.each<[string, string | null]>([
    ['Wed, 21 Oct 2015 07:28:00 GMT', '2015-10-21T07:28:00.000Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '1994-11-06T08:49:37.000Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37.000Z'],
    ['06 November 2068 1:2:3', '2068-11-06T01:02:03.000Z'],
    ['Thu, 01 Jan 70 00:00:00 GMT', '1970-01-01T00:00:00.000Z'],
    ['1 jan 69 00:00:00', '2069-01-01T00:00:00.000Z'],
    ['Wed, 30 Feb 2015 07:28:00 GMT', null],
    ['Wed, 21 Oct 1600 07:28:00 GMT', null],
    ['Wed, 21 Oct 2015 24:00:00 GMT', null],
    ['Wed, 21 Oct 2015', null],
    ['tomorrow', null],
    ['', null],
  ])('%s → %s', (text, iso) => {
    const ms = parseCookieDate(text);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(iso);
  });
});

describe('parseSetCookie (RFC 6265bis §5.6)', () => {
  it('reads name, value and every attribute, case-insensitively, trimming spaces', () => {
    const p = parseSetCookie(
      ' sid = abc ; Path=/app; DOMAIN=.Example.COM; Secure; httponly; SameSite=Lax; Partitioned; ' +
        'Max-Age=60; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Foo=bar',
    );
    expect(p.abort).toBeUndefined();
    expect(p).toMatchObject({
      name: 'sid',
      value: 'abc',
      path: '/app',
      domain: 'example.com',
      secure: true,
      httpOnly: true,
      partitioned: true,
      sameSite: { raw: 'Lax', value: 'lax' },
      maxAgeSeconds: 60,
      expiresMs: Date.UTC(2015, 9, 21, 7, 28),
    });
    expect(p.attributes.find((a) => a.name === 'Foo')?.ignored).toBe('unknown attribute');
  });

  it('a pair without "=" is a nameless cookie; the value may contain "="', () => {
    expect(parseSetCookie('justavalue')).toMatchObject({ name: '', value: 'justavalue' });
    expect(parseSetCookie('a==b=')).toMatchObject({ name: 'a', value: '=b=' });
  });

  it('ignores invalid attributes and keeps the last valid one', () => {
    const p = parseSetCookie('a=1; Max-Age=1x; Expires=never; Domain=; Path=/x; Path=rel; SameSite=Lax; SameSite=wat');
    expect(p.maxAgeSeconds).toBeUndefined();
    expect(p.expiresMs).toBeUndefined();
    expect(p.domain).toBeUndefined();
    expect(p.path).toBeUndefined();
    expect(p.sameSite).toEqual({ raw: 'wat', value: 'invalid' });
    expect(p.attributes.filter((a) => a.ignored).map((a) => a.name)).toEqual(['Max-Age', 'Expires', 'Domain', 'Path']);
  });

  it('ignores an attribute value over 1,024 bytes', () => {
    const p = parseSetCookie(`a=1; Path=/${'x'.repeat(1024)}`);
    expect(p.path).toBeUndefined();
    expect(p.attributes[0]!.ignored).toMatch(/1024/);
  });

  it.each<[string, string, string, RegExp]>([
    ['a newline', 'a=b\nc', 'control-chars', /U\+000A in the value/],
    ['U+0001 in the name', 'a\u0001=b', 'control-chars', /in the name/],
    ['DEL in an attribute', 'a=b; Path=/\u007f', 'control-chars', /in the attributes/],
    ['4,097 bytes', `a=${'x'.repeat(4096)}`, 'too-large', /4097 bytes/],
    ['"="', '=', 'empty', /no name/],
    ['attributes only', ' ; Secure', 'empty', /no name/],
  ])('ignores a header with %s entirely: %s', (_what, header, reason, detail) => {
    const p = parseSetCookie(header);
    expect(p.abort?.reason).toBe(reason);
    expect(p.abort?.detail).toMatch(detail);
  });

  it('counts bytes, not characters, against 4,096', () => {
    expect(parseSetCookie(`a=${'é'.repeat(2047)}`).abort).toBeUndefined(); // 1 + 4094 bytes
    expect(parseSetCookie(`a=${'é'.repeat(2048)}`).abort?.reason).toBe('too-large');
    expect(parseSetCookie('a=b\tc').abort).toBeUndefined(); // HTAB is allowed
  });

  it('bounds the input and the attributes it reads', () => {
    expect(parseSetCookie('a=b' + ';x'.repeat(MAX_SET_COOKIE_CHARS)).abort?.reason).toBe('too-large');
    const many = parseSetCookie('a=b' + '; Secure'.repeat(MAX_ATTRIBUTES * 2));
    expect(many.attributes).toHaveLength(MAX_ATTRIBUTES + 1);
    expect(many.attributes.at(-1)!.ignored).toMatch(/only the first/);
  });

  it('never throws and stays linear on any input', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '=', ';', ' ', '\t', '\n', '"', 'é', 'P', '/', '-') }),
        (h) => {
          const p = parseSetCookie(h);
          expect(typeof p.name).toBe('string');
          expect(p.attributes.length).toBeLessThanOrEqual(MAX_ATTRIBUTES + 1);
          expect(() => structuredClone(p)).not.toThrow();
        },
      ),
    );
    for (const hostile of [
      ';'.repeat(MAX_SET_COOKIE_CHARS),
      '='.repeat(MAX_SET_COOKIE_CHARS),
      'a=b; Expires=' + '1'.repeat(1000),
    ]) {
      const t0 = performance.now();
      parseSetCookie(hostile);
      expect(performance.now() - t0).toBeLessThan(200);
    }
  });

  it('splits DevTools newline-joined Set-Cookie headers', () => {
    expect(splitSetCookieLines('a=1; Path=/\r\nb=2\n\n')).toEqual(['a=1; Path=/', 'b=2']);
  });
});
