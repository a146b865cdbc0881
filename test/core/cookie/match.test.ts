import { describe, expect, it } from 'vitest';
import { cookiesForUrl, domainMatches, pathMatches, underAnyDomain } from '../../../src/core/cookie/match';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { makeCookie } from '../../fakes/make-cookie';

function cookie(over: Partial<CookieRecord>): CookieRecord {
  return makeCookie({ name: 'c', domain: 'example.com', secure: false, httpOnly: false, ...over });
}

describe('domainMatches (RFC 6265 §5.1.3)', () => {
  it.each([
    ['example.com', 'example.com', true, true],
    ['EXAMPLE.com', 'example.COM', true, true],
    ['app.example.com', 'example.com', true, false],
    ['app.example.com', '.example.com', false, true],
    ['a.b.example.com', '.example.com', false, true],
    ['example.com', '.example.com', false, true],
    ['evil-example.com', '.example.com', false, false],
    ['example.com.evil.test', '.example.com', false, false],
    ['example.com', '.app.example.com', false, false],
    ['127.0.0.1', '127.0.0.1', true, true],
    ['127.0.0.1', '.0.0.1', false, false],
  ])('%s vs %s (hostOnly %s) → %s', (host, domain, hostOnly, expected) => {
    expect(domainMatches(host, domain, hostOnly)).toBe(expected);
  });
});

describe('underAnyDomain (what a cookies.getAll domain filter keeps)', () => {
  const sites = new Set(['example.com', 'other.test', '127.0.0.1']);
  it.each([
    ['example.com', true],
    ['.example.com', true],
    ['.App.Example.com', true],
    ['a.b.example.com', true],
    ['xexample.com', false],
    ['example.com.evil.test', false],
    ['com', false],
    ['cdn.other.test', true],
    ['127.0.0.1', true],
    ['0.0.1', false],
    ['', false],
  ])('%s → %s', (domain, expected) => {
    expect(underAnyDomain(domain, sites)).toBe(expected);
  });

  it('answers for a domain of a hundred labels, and for one of dots only', () => {
    const deep = `${'a.'.repeat(120)}example.com`;
    expect(underAnyDomain(deep, sites)).toBe(true);
    expect(underAnyDomain(`${'a.'.repeat(120)}examplexcom`, sites)).toBe(false);
    expect(underAnyDomain('.'.repeat(250), sites)).toBe(false);
  });
});

describe('pathMatches (RFC 6265 §5.1.4)', () => {
  it.each([
    ['/', '/', true],
    ['/docs', '/', true],
    ['/docs', '/docs', true],
    ['/docs/', '/docs', true],
    ['/docs/a', '/docs', true],
    ['/docs/a', '/docs/', true],
    ['/docsearch', '/docs', false],
    ['/', '/docs', false],
    ['/Docs', '/docs', false],
  ])('request %s, cookie path %s → %s', (req, path, expected) => {
    expect(pathMatches(req, path)).toBe(expected);
  });
});

describe('cookiesForUrl', () => {
  const jar = [
    cookie({ name: 'host', domain: 'app.example.com' }),
    cookie({ name: 'parent', domain: '.example.com', hostOnly: false }),
    cookie({ name: 'sibling', domain: 'other.example.com' }),
    cookie({ name: 'deep', domain: 'app.example.com', path: '/admin' }),
    cookie({ name: 'same', domain: 'app.example.com', path: '/a' }),
    cookie({ name: 'same', domain: 'app.example.com', path: '/b' }),
    cookie({ name: 'lookalike', domain: '.ample.com', hostOnly: false }),
  ];

  it('keeps host, parent-domain and path-matching cookies; drops siblings and lookalikes', () => {
    const names = cookiesForUrl(jar, 'https://app.example.com/a/page').map((c) => `${c.name}@${c.path}`);
    expect(names.sort()).toEqual(['host@/', 'parent@/', 'same@/a']);
  });

  it('keeps two cookies with one name on two paths apart', () => {
    expect(cookiesForUrl(jar, 'https://app.example.com/b').map((c) => c.path)).toContain('/b');
    expect(cookiesForUrl(jar, 'https://app.example.com/b').map((c) => c.path)).not.toContain('/a');
  });

  it('returns nothing for an unparsable URL', () => {
    expect(cookiesForUrl(jar, 'not a url')).toEqual([]);
  });
});
