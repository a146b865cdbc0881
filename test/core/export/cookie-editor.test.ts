import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { parseCookieEditor } from '../../../src/core/export/cookie-editor';
import { expectRoundTrip } from './for-any-cookies';

/** A cookie as Cookie-Editor exports it: the `cookies.Cookie` shape, `session` instead of our field name. */
function asCookieEditor(c: CookieRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    domain: c.domain,
    hostOnly: c.hostOnly,
    httpOnly: c.httpOnly,
    name: c.name,
    path: c.path,
    sameSite: c.sameSite,
    secure: c.secure,
    session: c.browserSession,
    storeId: c.storeId,
    value: c.value,
  };
  if (!c.browserSession) out.expirationDate = c.expirationDate;
  return out;
}

describe('Cookie-Editor JSON import', () => {
  it('reads every field of its export, expiry and store included (the partition is not in its format)', () => {
    expectRoundTrip(
      (cookies) => parseCookieEditor(JSON.stringify(cookies.map(asCookieEditor)), { storeId: 'unused' }),
      ({ partitionKey: _drop, ...rest }) => rest,
    );
  });

  it('regression: keeps the expiry of a persistent cookie (Cookie-Editor’s own import drops it)', () => {
    const r = parseCookieEditor(
      '[{"domain":".example.com","expirationDate":1893456000.25,"hostOnly":false,"httpOnly":true,"name":"sid","path":"/","sameSite":"lax","secure":true,"session":false,"storeId":"0","value":"x"}]',
      { storeId: '0' },
    );
    expect(r.cookies[0]).toMatchObject({ browserSession: false, expirationDate: 1893456000.25 });
  });

  it('accepts null SameSite and older entries without hostOnly or storeId', () => {
    const r = parseCookieEditor('[{"domain":".a.test","name":"n","value":"v","sameSite":null,"session":true}]', {
      storeId: 'mine',
    });
    expect(r.problems).toEqual([]);
    expect(r.cookies[0]).toMatchObject({
      hostOnly: false,
      domain: '.a.test',
      sameSite: 'unspecified',
      storeId: 'mine',
      path: '/',
    });
  });
});
