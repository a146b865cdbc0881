import fc from 'fast-check';
import { expect } from 'vitest';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import type { ParsedImport } from '../../../src/core/export/import-result';
import { cookieList } from './arbitrary-cookie';

/** Checks `check` against generated lists of any cookies a browser can hold. */
export function forAnyCookies(check: (cookies: CookieRecord[]) => void, params: fc.Parameters<[CookieRecord[]]> = {}) {
  fc.assert(fc.property(cookieList, check), params);
}

/**
 * For any cookies, `roundTrip` reads them back without a problem, each exactly as `kept` says the format keeps it
 * (all of it by default).
 */
export function expectRoundTrip(
  roundTrip: (cookies: CookieRecord[]) => ParsedImport,
  kept: (c: CookieRecord) => CookieRecord = (c) => c,
): void {
  forAnyCookies((cookies) => {
    const back = roundTrip(cookies);
    expect(back.problems).toEqual([]);
    expect(back.cookies).toStrictEqual(cookies.map(kept));
  });
}
