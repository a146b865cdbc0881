import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareDomain, domainMatches, pathMatches } from '../../../src/core/cookie/match';
import { parseNetscape } from '../../../src/core/export/netscape';
import { cookieRemoveDetails, cookieSetDetails, cookieUrl } from '../../../src/core/edit/set-details';
import { makeCookie } from '../../fakes/make-cookie';
import { browserCookie } from '../export/arbitrary-cookie';

const chromium = { browser: 'chromium' } as const;
const firefox = { browser: 'firefox' } as const;

describe('cookies.set details', () => {
  it('a host-only cookie: no domain, url on its own host and path, https when Secure', () => {
    expect(cookieSetDetails(makeCookie({ path: '/app' }), chromium)).toEqual({
      url: 'https://app.example.com/app',
      name: 'pref',
      value: 'v',
      path: '/app',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
      storeId: '0',
    });
  });

  it('a Domain cookie gives the domain without its dot; a persistent one its expiry; http when not Secure', () => {
    const d = cookieSetDetails(
      makeCookie({
        domain: '.example.com',
        hostOnly: false,
        secure: false,
        browserSession: false,
        expirationDate: 1893456000.5,
      }),
      chromium,
    );
    expect(d).toMatchObject({ url: 'http://example.com/', domain: 'example.com', expirationDate: 1893456000.5 });
  });

  it('a session cookie has no expirationDate, even if one lingers in the record', () => {
    expect(cookieSetDetails(makeCookie({ browserSession: true, expirationDate: 5 }), chromium)).not.toHaveProperty(
      'expirationDate',
    );
  });

  it('regression: an imported cookie of a sibling host is set on its own host, not the one being viewed', () => {
    const file = ['a.example.com\tFALSE\t/\tTRUE\t0\tk\t1', 'b.example.com\tFALSE\t/\tTRUE\t0\tk\t2'].join('\n');
    const urls = parseNetscape(file, { storeId: '0' }).cookies.map((c) => cookieSetDetails(c, chromium));
    expect(urls.map((d) => [d.url, d.domain])).toEqual([
      ['https://a.example.com/', undefined],
      ['https://b.example.com/', undefined],
    ]);
  });

  it('partition key and store: Chromium with the cross-site bit, Firefox without; firstPartyDomain on request', () => {
    const c = makeCookie({
      storeId: 'firefox-container-3',
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
    });
    expect(cookieSetDetails(c, chromium)).toMatchObject({
      storeId: 'firefox-container-3',
      partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
    });
    const ff = cookieSetDetails(c, { ...firefox, firstPartyDomain: '' });
    expect(ff.partitionKey).toEqual({ topLevelSite: 'https://a.test' });
    expect(ff.firstPartyDomain).toBe('');
    expect(cookieSetDetails(c, chromium)).not.toHaveProperty('firstPartyDomain');
  });

  it('Firefox gets no sameSite "unspecified"; Chromium does', () => {
    const c = makeCookie({ sameSite: 'unspecified' });
    expect(cookieSetDetails(c, firefox)).not.toHaveProperty('sameSite');
    expect(cookieSetDetails(c, chromium).sameSite).toBe('unspecified');
  });

  it('encodes "?" and "#" in the URL path so the URL keeps the whole path', () => {
    expect(cookieUrl({ domain: 'a.test', path: '/a?b#c d', secure: true })).toBe('https://a.test/a%3Fb%23c%20d');
    expect(cookieUrl({ domain: '::1', path: '/', secure: false })).toBe('http://[::1]/');
    expect(cookieUrl({ domain: 'a.test', path: '/a/../b', secure: true })).toBe('https://a.test/');
  });

  it('for any cookie: the URL parses, its host domain-matches the cookie, its path path-matches, and the scheme fits Secure', () => {
    fc.assert(
      fc.property(browserCookie, (c) => {
        const d = cookieSetDetails(c, chromium);
        const u = new URL(d.url);
        expect(u.protocol).toBe(c.secure ? 'https:' : 'http:');
        expect(domainMatches(u.hostname, c.domain, c.hostOnly)).toBe(true);
        // Dot segments cannot survive URL parsing; such a cookie is set on "/" with its path in details.path.
        expect(pathMatches(u.pathname, c.path) || /(^|\/)\.\.?(\/|$)/.test(c.path)).toBe(true);
        expect(d.domain).toBe(c.hostOnly ? undefined : bareDomain(c.domain));
        expect(d.path).toBe(c.path);
        expect(d.storeId).toBe(c.storeId);
        expect(d.expirationDate).toBe(c.browserSession ? undefined : c.expirationDate);
        expect(d.partitionKey).toEqual(c.partitionKey);
      }),
    );
  });
});

describe('cookies.remove details', () => {
  it('names the identity: url for domain and path, name, store, partition', () => {
    expect(
      cookieRemoveDetails(
        makeCookie({ name: 'id', path: '/admin', storeId: '1', partitionKey: { topLevelSite: 'https://a.test' } }),
        chromium,
      ),
    ).toEqual({
      url: 'https://app.example.com/admin',
      name: 'id',
      storeId: '1',
      partitionKey: { topLevelSite: 'https://a.test' },
    });
  });
});

describe('cookieUrl in a first-party partition', () => {
  it('keeps the top-level site’s scheme, so Chromium sees the URL as first party', () => {
    const c = makeCookie({
      domain: '127.0.0.1',
      partitionKey: { topLevelSite: 'http://127.0.0.1', hasCrossSiteAncestor: false },
    });
    expect(cookieUrl(c)).toBe('http://127.0.0.1/');
    expect(cookieUrl({ ...c, partitionKey: { topLevelSite: 'http://127.0.0.1', hasCrossSiteAncestor: true } })).toBe(
      'https://127.0.0.1/',
    );
  });
});
