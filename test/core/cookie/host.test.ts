import { describe, expect, it } from 'vitest';
import { coveringDomain } from '../../../src/core/cookie/host';
import { domainMatches } from '../../../src/core/cookie/match';
import { registrableDomain } from '../../../src/core/cookie/site';

/** `ancestor` is `domain` or a parent of it. */
const covers = (ancestor: string, domain: string) => domainMatches(domain, ancestor, false);

describe('coveringDomain: where to look for a page’s cookies without the Public Suffix List', () => {
  it('is the registrable domain or a parent of it, for every kind of host', () => {
    const hosts = [
      'example.com',
      'www.example.com',
      'a.b.c.example.com',
      'shop.example.co.uk',
      'example.co.uk',
      'user.github.io',
      'deep.user.github.io',
      'x.y.s3.amazonaws.com',
      'app.sessionscope.localhost',
      'sessionscope.localhost',
      'localhost',
      'WWW.Example.COM.',
    ];
    for (const host of hosts) {
      const bare = host.toLowerCase().replace(/\.$/, '');
      expect(covers(coveringDomain(host), registrableDomain(bare)), host).toBe(true);
    }
  });

  it('is exact where the suffix has one label, and the host itself for addresses and one-label hosts', () => {
    expect(coveringDomain('a.b.example.com')).toBe('example.com');
    expect(coveringDomain('shop.example.co.uk')).toBe('co.uk');
    expect(coveringDomain('localhost')).toBe('localhost');
    expect(coveringDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(coveringDomain('::1')).toBe('::1');
  });
});
