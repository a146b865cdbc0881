import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import { readCookie, readSameName, removeCookie, setCookie } from '../../src/platform/cookie-write';
import type { FakeBrowser } from './index';

/** The platform's real cookie writes, over the fake browser the suite put in place of `webextension-polyfill`. */
export const platformCookieWrites = { set: setCookie, remove: removeCookie, read: readCookie, readSameName };

/** The fake browser's jar, as the records the writes compare with. */
export function jarOf(fake: FakeBrowser) {
  return () => fake.cookies.all().map(toCookieRecord);
}
