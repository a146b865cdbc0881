import { describe, expect, it } from 'vitest';
import { fromDriverCookie } from '../../src/headless/from-driver-cookie';

describe('fromDriverCookie', () => {
  it('reads a CDP cookie like the extension reads cookies.getAll: host-only, SameSite unspecified, no expiry', () => {
    const base = { name: 'sid', value: 'v', domain: 'app.localhost', path: '/' };
    expect(fromDriverCookie({ ...base, expires: -1, session: true, httpOnly: true, secure: false }, '0')).toEqual({
      ...base,
      hostOnly: true,
      secure: false,
      httpOnly: true,
      sameSite: 'unspecified',
      browserSession: true,
      storeId: '0',
    });
  });

  it('keeps a Domain cookie’s dot, its expiry, SameSite and each driver’s partition key', () => {
    const base = { name: 'a', value: 'b', domain: '.example.com', path: '/', expires: 1_900_000_000.5, session: false };
    const cdp = fromDriverCookie(
      { ...base, sameSite: 'None', partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false } },
      '0',
    );
    expect(cdp).toMatchObject({
      hostOnly: false,
      sameSite: 'no_restriction',
      browserSession: false,
      expirationDate: 1_900_000_000.5,
      partitionKey: { topLevelSite: 'https://top.test', hasCrossSiteAncestor: false },
    });
    expect(fromDriverCookie({ ...base, partitionKey: { sourceOrigin: 'https://top.test' } }, '0').partitionKey).toEqual(
      {
        topLevelSite: 'https://top.test',
      },
    );
    expect(fromDriverCookie({ ...base, partitionKey: 'https://top.test' }, '0').partitionKey).toEqual({
      topLevelSite: 'https://top.test',
    });
    expect(fromDriverCookie({ ...base, sameSite: 'Default' }, 'firefox-default')).toMatchObject({
      sameSite: 'unspecified',
      storeId: 'firefox-default',
    });
  });
});
