import { hostOf } from '../cookie/site';

/**
 * `sessionscope-<kind>-<host>-<yyyy-mm-dd>.<ext>`: the host is the page's, reduced to characters every file
 * system accepts, so a hostile or odd host (an IPv6 literal, a punycode name) cannot make a path.
 */
export function exportFileName(kind: string, pageUrl: string, atMs: number, extension: string): string {
  const host = (hostOf(pageUrl) ?? 'unknown').replace(/[^a-z0-9.-]/g, '_') || 'unknown';
  const date = new Date(atMs).toISOString().slice(0, 10);
  return `sessionscope-${kind}-${host}-${date}.${extension}`;
}
