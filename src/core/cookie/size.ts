import type { CookieRecord } from './cookie-record';

const encoder = new TextEncoder();

/** Bytes of name + value in UTF-8: what browsers count against the 4,096-byte limit. */
export function cookieSize(c: Pick<CookieRecord, 'name' | 'value'>): number {
  return encoder.encode(c.name).length + encoder.encode(c.value).length;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
}
