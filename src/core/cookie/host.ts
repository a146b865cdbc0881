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

function isIpHost(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * A domain under which every cookie a page on `host` receives is stored, found without the Public Suffix List:
 * the host's last two labels (the host itself for an IP address or a one-label host such as `localhost`).
 *
 * A cookie sent to `host` has the host or one of its parents as its domain, and never a public suffix, so its
 * domain lies at or below the host's registrable domain, which has at least two labels: the last two labels are
 * that domain or a parent of it. Querying the cookie store under them returns a superset of what the registrable
 * domain would (under `co.uk` also other `.co.uk` sites' cookies), which the caller narrows to the page's.
 */
export function coveringDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  if (isIpHost(h)) return h;
  const labels = h.split('.');
  return labels.length <= 2 ? h : labels.slice(-2).join('.');
}
