/**
 * The cookie as SessionScope sees it: plain data, independent of the browser API that produced it.
 * Mirrors `cookies.Cookie` of the WebExtensions API (Chromium and Firefox agree on these fields).
 */
export type SameSite = 'no_restriction' | 'lax' | 'strict' | 'unspecified';

export interface PartitionKey {
  /** The top-level site the cookie is partitioned under (CHIPS), e.g. `https://example.com`. */
  topLevelSite?: string;
  hasCrossSiteAncestor?: boolean;
}

/** What every cookie shape (the browser's, the drivers', each export format) names alike. */
export interface CookieBase {
  name: string;
  value: string;
  /** As the store keeps it: a leading dot for Domain cookies in Chromium, bare host for host-only ones. */
  domain: string;
  path: string;
}

/** Just the name, value and scope of any cookie shape, to build another shape from (extra fields left behind). */
export function cookieBase(c: CookieBase): CookieBase {
  return { name: c.name, value: c.value, domain: c.domain, path: c.path };
}

/** The four flags every full cookie shape carries, each as the store set it. */
export interface CookieFlags {
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
}

/** Just the four flags of a cookie; a missing SameSite (browsers that predate "unspecified") reads as "unspecified". */
export function cookieFlags(c: Omit<CookieFlags, 'sameSite'> & { sameSite?: SameSite }): CookieFlags {
  return { hostOnly: c.hostOnly, secure: c.secure, httpOnly: c.httpOnly, sameSite: c.sameSite ?? 'unspecified' };
}

export interface CookieRecord extends CookieBase, CookieFlags {
  /** True when the cookie has no expiry (lives until the browser session ends). */
  browserSession: boolean;
  /** Seconds since the Unix epoch (may be fractional); absent for session cookies. */
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey;
}

/**
 * The fields every CookieRecord has, from a cookie shape that names them alike (the browser's, a message's);
 * expiry and partition, which each shape carries its own way, are the caller's to add.
 */
export function recordFields(
  c: CookieBase & Parameters<typeof cookieFlags>[0] & { storeId: string },
  browserSession: boolean,
): CookieRecord {
  return { ...cookieBase(c), ...cookieFlags(c), browserSession, storeId: c.storeId };
}

/** Why a cookie changed, as `cookies.onChanged` reports it. */
export type ChangeCause = 'explicit' | 'overwrite' | 'expired' | 'evicted' | 'expired_overwrite';
