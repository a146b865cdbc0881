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
  const cookie = (domain: string, hostOnly = false) => ({ domain, hostOnly });

  it('takes cookies that domain-match the host or share its registrable domain', () => {
    const inSite = inSiteOf('app.example.com');
    expect(inSite(cookie('.example.com'))).toBe(true);
    expect(inSite(cookie('app.example.com', true))).toBe(true);
    // api.example.com would not be sent to app.example.com, but it is the same site's session.
    expect(inSite(cookie('api.example.com', true))).toBe(true);
    expect(inSite(cookie('.API.Example.com'))).toBe(true);
  });

  it('keeps other sites out, suffix look-alikes and public-suffix neighbours included', () => {
    const inSite = inSiteOf('a.example.co.uk');
    expect(inSite(cookie('.other.co.uk'))).toBe(false);
    expect(inSite(cookie('evil-example.co.uk', true))).toBe(false);
    expect(inSiteOf('example.com')(cookie('.evil-example.com'))).toBe(false);
  });

  it('treats an IP address and localhost as their own site', () => {
    expect(inSiteOf('127.0.0.1')(cookie('127.0.0.1', true))).toBe(true);
    expect(inSiteOf('127.0.0.1')(cookie('0.0.1', false))).toBe(false);
    expect(inSiteOf('localhost')(cookie('localhost', true))).toBe(true);
    expect(inSiteOf('localhost')(cookie('example.com'))).toBe(false);
  });

  it('takes nothing for an empty host', () => {
    expect(inSiteOf('')(cookie('example.com'))).toBe(false);
  });
});
