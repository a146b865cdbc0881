import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cookiesForUrl,
  domainMatches,
  inPagePartition,
  pathMatches,
  underAnyDomain,
} from '../../../src/core/cookie/match';
import { partitionMatches, siteOf } from '../../../src/core/cookie/would-send';
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

describe('inPagePartition (the partition a page’s own requests use, without the Public Suffix List)', () => {
  it.each([
    [undefined, 'https:', 'app.example.com', true],
    [{ topLevelSite: 'https://example.com' }, 'https:', 'app.example.com', true],
    [{ topLevelSite: 'https://example.com' }, 'https:', 'example.com', true],
    [{ topLevelSite: 'https://embedder.test' }, 'https:', 'app.example.com', false],
    [{ topLevelSite: 'https://app.example.com' }, 'https:', 'example.com', false],
    [{ topLevelSite: 'https://ample.com' }, 'https:', 'example.com', false],
    [{ topLevelSite: 'http://example.com' }, 'https:', 'example.com', false],
    [{ topLevelSite: 'https://example.com' }, 'http:', 'example.com', false],
    [{ topLevelSite: 'http://127.0.0.1' }, 'http:', '127.0.0.1', true],
    [{ topLevelSite: 'http://0.0.1' }, 'http:', '127.0.0.1', false],
    [{ topLevelSite: 'https://[::1]' }, 'https:', '::1', true],
    [{}, 'https:', 'example.com', false],
    [{ topLevelSite: 'not a site' }, 'https:', 'example.com', false],
  ])('%j on %s//%s → %s', (partitionKey, scheme, host, expected) => {
    expect(inPagePartition(cookie({ ...(partitionKey ? { partitionKey } : {}) }), scheme, host)).toBe(expected);
  });

  it('keeps what the DevTools panel’s rule keeps, for every partition under a registrable domain', () => {
    const hosts = ['example.com', 'app.example.com', 'a.b.example.co.uk', 'example.co.uk', 'other.test', '127.0.0.1'];
    const sites = ['example.com', 'example.co.uk', 'other.test', 'ample.com', '127.0.0.1', 'app.example.com'];
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.constantFrom(...hosts),
        fc.constantFrom('http', 'https'),
        fc.constantFrom(...sites),
        (scheme, host, siteScheme, siteHost) => {
          const topLevelSite = `${siteScheme}://${siteHost}`;
          // The browser writes a partition's site as a scheme and a registrable domain.
          fc.pre(siteOf(topLevelSite) === topLevelSite);
          const c = cookie({ partitionKey: { topLevelSite } });
          expect(inPagePartition(c, `${scheme}:`, host)).toBe(partitionMatches(c, siteOf(`${scheme}://${host}/`)));
        },
      ),
    );
  });

  it('keeps, where the panel’s rule does not, a partition under a bare public suffix visited as a page', () => {
    const c = cookie({ partitionKey: { topLevelSite: 'https://co.uk' } });
    expect(inPagePartition(c, 'https:', 'example.co.uk')).toBe(true);
    expect(partitionMatches(c, siteOf('https://example.co.uk/'))).toBe(false);
  });

  it('narrows a page’s cookies to its own partition', () => {
    const own = cookie({ name: 'own', partitionKey: { topLevelSite: 'https://example.com' } });
    const embedded = cookie({ name: 'embedded', partitionKey: { topLevelSite: 'https://embedder.test' } });
    const plain = cookie({ name: 'plain' });
    expect(cookiesForUrl([own, embedded, plain], 'https://example.com/').map((c) => c.name)).toEqual(['own', 'plain']);
    expect(cookiesForUrl([own, embedded, plain], 'http://example.com/').map((c) => c.name)).toEqual(['plain']);
  });
});
