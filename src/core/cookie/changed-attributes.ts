import type { CookieRecord } from './cookie-record';

/** The attributes of a cookie beyond its identity (name, domain, path, storeId, partitionKey). */
export type CookieAttribute = 'value' | 'hostOnly' | 'secure' | 'httpOnly' | 'sameSite' | 'expiry';

/**
 * Which attributes differ between two cookies of the same identity. Expiries within one second are equal:
 * browsers report fractional seconds while cookies.txt and most tools keep whole seconds, and a sub-second
 * difference is not a change anyone means.
 */
export function changedAttributes(a: CookieRecord, b: CookieRecord): CookieAttribute[] {
  const out: CookieAttribute[] = [];
  if (a.value !== b.value) out.push('value');
  if (a.hostOnly !== b.hostOnly) out.push('hostOnly');
  if (a.secure !== b.secure) out.push('secure');
  if (a.httpOnly !== b.httpOnly) out.push('httpOnly');
  if (a.sameSite !== b.sameSite) out.push('sameSite');
  if (!sameExpiry(a, b)) out.push('expiry');
  return out;
}

function sameExpiry(a: CookieRecord, b: CookieRecord): boolean {
  const aSession = a.browserSession || a.expirationDate === undefined;
  const bSession = b.browserSession || b.expirationDate === undefined;
  if (aSession || bSession) return aSession === bSession;
  return Math.abs((a.expirationDate ?? 0) - (b.expirationDate ?? 0)) < 1;
}
