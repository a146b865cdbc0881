import type { CookieRecord } from './cookie-record';

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

const NON_ASCII = /[^\0-\x7f]/;

/**
 * Bytes of `s` in UTF-8: what browsers count against the limits above. Counted from the UTF-16 code units, as
 * TextEncoder would encode them (a lone surrogate becomes U+FFFD, 3 bytes), without encoding: every row of the
 * popup's first paint needs its cookie's size, and an encoder's first use in a page costs more than the count.
 * The regular expression finds the first non-ASCII unit natively: most values have none, and the loop counts from
 * there, so a long ASCII value is never walked unit by unit in code the engine may not have optimised yet.
 */
export function utf8Size(s: string): number {
  const first = s.search(NON_ASCII);
  if (first < 0) return s.length;
  let n = s.length;
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      n += 1;
      continue;
    }
    // 3 bytes for one unit, a lone surrogate (U+FFFD) included; a high and a low surrogate together are one code
    // point of 4 bytes for their 2 units: the same 2 more than the units count.
    n += 2;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}

/** Bytes of name + value in UTF-8: what browsers count against COOKIE_SIZE_LIMIT. */
export function cookieSize(c: Pick<CookieRecord, 'name' | 'value'>): number {
  return utf8Size(c.name) + utf8Size(c.value);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
}
