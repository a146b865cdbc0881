import type { CookieRecord } from './cookie-record';

const encoder = new TextEncoder();

/** Bytes of name + value browsers accept in one cookie (RFC 6265bis §5.6); a larger cookie is dropped. */
export const COOKIE_SIZE_LIMIT = 4096;
/** Bytes of one attribute value (Path, Domain, …) browsers accept (RFC 6265bis §5.6); a longer one is ignored. */
export const ATTRIBUTE_SIZE_LIMIT = 1024;

/**
 * Three quarters of the limit: above it a cookie is near the limit, both for the size-near-limit rule and for
 * the size the UI marks as large, so the two never disagree.
 */
export const NEAR_SIZE_LIMIT = 3072;

export function isNearSizeLimit(size: number): boolean {
  return size > NEAR_SIZE_LIMIT;
}

/** Bytes of `s` in UTF-8: what browsers count against the limits above. */
export function utf8Size(s: string): number {
  return encoder.encode(s).length;
}

/** Bytes of name + value in UTF-8: what browsers count against COOKIE_SIZE_LIMIT. */
export function cookieSize(c: Pick<CookieRecord, 'name' | 'value'>): number {
  return utf8Size(c.name) + utf8Size(c.value);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
}
