/**
 * URL and host helpers that need no public-suffix data: the popup's first paint uses these, so it does not wait
 * for the Public Suffix List (core/cookie/site.ts) to load.
 */

import { parseUrl } from '../parse-url';

export function hostOf(url: string): string | undefined {
  return parseUrl(url)
    ?.hostname.replace(/^\[|\]$/g, '')
    .toLowerCase();
}

export function isHttpUrl(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url);
}
