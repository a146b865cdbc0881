import { describe, expect, it } from 'vitest';
import { hostOf, isHttpUrl, isPublicSuffix, registrableDomain } from '../../../src/core/cookie/site';

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
