import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { parseStorageState, writeStorageState } from '../../../src/core/export/storage-state';
import { makeCookie } from '../../fakes/make-cookie';
import { expectRoundTrip } from './for-any-cookies';

const OPTS = { storeId: 'target' };

/** What storageState keeps: all but the store and the cross-site-ancestor bit; "unspecified" SameSite becomes Lax. */
function kept(c: CookieRecord): CookieRecord {
  const out: CookieRecord = { ...c, storeId: 'target', sameSite: c.sameSite === 'unspecified' ? 'lax' : c.sameSite };
  delete out.partitionKey;
  if (c.partitionKey?.topLevelSite !== undefined) out.partitionKey = { topLevelSite: c.partitionKey.topLevelSite };
  return out;
}

describe('Playwright storageState', () => {
  it('round-trips any cookie, keeping exactly what the format holds', () => {
    expectRoundTrip((cookies) => parseStorageState(writeStorageState(cookies, []).text, OPTS), kept);
  });

  it('writes Playwright’s shape: expires -1 for session cookies, leading dot for Domain cookies, "None"', () => {
    const state = JSON.parse(
      writeStorageState(
        [
          makeCookie({ name: 'a', domain: '.example.com', hostOnly: false, sameSite: 'no_restriction' }),
          makeCookie({ name: 'b', browserSession: false, expirationDate: 1893456000.5, sameSite: 'strict' }),
        ],
        [{ origin: 'https://app.example.com', localStorage: [{ name: 'token', value: 'eyJ' }] }],
      ).text,
    );
    expect(state.cookies).toEqual([
      {
        name: 'a',
        value: 'v',
        domain: '.example.com',
        path: '/',
        expires: -1,
        httpOnly: true,
        secure: true,
        sameSite: 'None',
      },
      {
        name: 'b',
        value: 'v',
        domain: 'app.example.com',
        path: '/',
        expires: 1893456000.5,
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      },
    ]);
    expect(state.origins).toEqual([
      { origin: 'https://app.example.com', localStorage: [{ name: 'token', value: 'eyJ' }] },
    ]);
  });

  it('reads origins’ localStorage back', () => {
    const origins = [{ origin: 'https://a.test', localStorage: [{ name: 'k', value: 'v=1' }] }];
    expect(parseStorageState(writeStorageState([], origins).text, OPTS).origins).toEqual(origins);
  });

  it('says what it cannot carry', () => {
    const r = writeStorageState(
      [
        makeCookie({ sameSite: 'unspecified' }),
        makeCookie({
          name: 'x',
          storeId: '1',
          partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false },
        }),
      ],
      [],
    );
    expect(r.notRepresented.join('\n')).toMatch(/SameSite of 1 cookie is not set: written as "Lax"/);
    expect(r.notRepresented.join('\n')).toMatch(/cross-site-ancestor/);
    expect(r.notRepresented.join('\n')).toMatch(/store/);
  });
});
