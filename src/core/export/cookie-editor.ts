import type { CookieRecord } from '../cookie/cookie-record';
import { readCommonCookieFields, setImportedExpiry, type EntryReader } from './entry-fields';
import { createCollector, refused, jsonImport, type ImportOptions } from './import-result';
import { SAME_SITE_VALUES } from './sessionscope-json';

function readEntry(r: EntryReader, storeId: string): CookieRecord | string {
  // Older exports leave hostOnly out; the leading dot then says which kind the cookie is.
  const common = readCommonCookieFields(r, (domain) => r.boolean('hostOnly', !domain.startsWith('.')));
  const expiry = r.optionalNumber('expirationDate');
  const c: CookieRecord = {
    ...common,
    // null is what the extension writes for a browser that has no SameSite.
    sameSite: r.oneOf('sameSite', SAME_SITE_VALUES, 'unspecified'),
    browserSession: r.boolean('session', expiry === undefined),
    storeId: r.string('storeId', storeId),
  };
  return r.problem ?? setImportedExpiry(c, expiry) ?? c;
}

/** The file is a bare array: its problems name entries by number, from 1. */
function entryNumber(i: number): string {
  return `entry ${i + 1}`;
}

/**
 * Cookie-Editor's JSON export: an array in the shape of `cookies.Cookie`. Its expiry is kept (Cookie-Editor's
 * own import drops it), and `session: true` stays a session cookie.
 */
export const parseCookieEditor = jsonImport('cookie-editor-json', (doc, options: ImportOptions) => {
  if (!Array.isArray(doc)) return refused('cookie-editor-json', 'not a JSON array');
  const out = createCollector();
  out.addEntries(doc, (r) => readEntry(r, options.storeId), entryNumber);
  return out.finish('cookie-editor-json');
});
