import { describe, expect, it } from 'vitest';
import { hostOf, inSiteOf, isHttpUrl, isPublicSuffix, registrableDomain } from '../../../src/core/cookie/site';

describe('registrableDomain (public-suffix list)', () => {
  it.each([
    ['app.example.com', 'example.com'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['.example.co.uk', 'example.co.uk'],
    ['user.github.io', 'user.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['app.localhost', 'app.localhost'],
  ])('%s → %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });

  it('keeps two registrable domains under one suffix apart', () => {
    expect(registrableDomain('example.co.uk')).not.toBe(registrableDomain('other.co.uk'));
  });
});

describe('isPublicSuffix', () => {
  it.each([
    ['co.uk', true],
    ['com', true],
    ['github.io', true],
    ['example.co.uk', false],
    ['127.0.0.1', false],
  ])('%s → %s', (host, expected) => {
    expect(isPublicSuffix(host)).toBe(expected);
  });
});

describe('hostOf / isHttpUrl', () => {
  it('reads hosts, including IPv6 without brackets', () => {
    expect(hostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(hostOf('http://[::1]:3000/')).toBe('::1');
    expect(hostOf('nope')).toBeUndefined();
  });
  it('accepts only http and https', () => {
    expect(isHttpUrl('https://a.test/')).toBe(true);
    expect(isHttpUrl('HTTP://a.test/')).toBe(true);
    expect(isHttpUrl('chrome://extensions')).toBe(false);
    expect(isHttpUrl('about:blank')).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});

describe('inSiteOf', () => {
  // Host, cookie domain, host-only, and whether the cookie belongs to the host's site.
  it.each<[string, string, boolean, boolean]>([
    // Cookies that domain-match the host or share its registrable domain.
    ['app.example.com', '.example.com', false, true],
    ['app.example.com', 'app.example.com', true, true],
    // api.example.com would not be sent to app.example.com, but it is the same site's session.
    ['app.example.com', 'api.example.com', true, true],
    ['app.example.com', '.API.Example.com', false, true],
    // Other sites, suffix look-alikes and public-suffix neighbours stay out.
    ['a.example.co.uk', '.other.co.uk', false, false],
    ['a.example.co.uk', 'evil-example.co.uk', true, false],
    ['example.com', '.evil-example.com', false, false],
    // An IP address and localhost are their own site.
    ['127.0.0.1', '127.0.0.1', true, true],
    ['127.0.0.1', '0.0.1', false, false],
    ['localhost', 'localhost', true, true],
    ['localhost', 'example.com', false, false],
    // An empty host takes nothing.
    ['', 'example.com', false, false],
  ])('host %j, cookie domain %j (hostOnly %s) → %s', (host, domain, hostOnly, expected) => {
    expect(inSiteOf(host)({ domain, hostOnly })).toBe(expected);
  });
});
