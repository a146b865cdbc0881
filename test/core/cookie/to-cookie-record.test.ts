import { describe, expect, it } from 'vitest';
import { toCookieRecord, type BrowserCookie } from '../../../src/core/cookie/to-cookie-record';

const base: BrowserCookie = {
  name: 'sid',
  value: 'v',
  domain: '.example.test',
  path: '/',
  hostOnly: false,
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  session: true,
  storeId: '0',
};

describe('toCookieRecord', () => {
  it('keeps the attributes, renames session, and leaves out what the cookie does not have', () => {
    const r = toCookieRecord({ ...base, firstPartyDomain: '' } as BrowserCookie);
    const { session: _, ...kept } = base;
    expect(r).toEqual({ ...kept, browserSession: true });
    expect('firstPartyDomain' in r).toBe(false);
  });

  it('reads a missing SameSite as unspecified and keeps the expiry', () => {
    const { sameSite: _, ...noSameSite } = base;
    expect(toCookieRecord({ ...noSameSite, session: false, expirationDate: 1.5 })).toMatchObject({
      sameSite: 'unspecified',
      browserSession: false,
      expirationDate: 1.5,
    });
  });

  it('keeps a partition key only when it names something', () => {
    expect(toCookieRecord({ ...base, partitionKey: {} }).partitionKey).toBeUndefined();
    expect(toCookieRecord({ ...base, partitionKey: { hasCrossSiteAncestor: false } }).partitionKey).toEqual({
      hasCrossSiteAncestor: false,
    });
    expect(toCookieRecord({ ...base, partitionKey: { topLevelSite: 'https://top.test' } }).partitionKey).toEqual({
      topLevelSite: 'https://top.test',
    });
  });
});
