import { getDomain, parse } from 'tldts';

/**
 * The registrable domain ("site") of a host by the Public Suffix List (tldts), so `a.example.co.uk` and
 * `b.example.co.uk` group together while `example.co.uk` and `other.co.uk` do not. IP addresses,
 * `localhost` and other hosts with no registrable domain are their own site.
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/^\./, '').replace(/\.$/, '');
  const info = parse(h, { allowPrivateDomains: true });
  if (info.isIp) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** Whether `host` is a public suffix itself (a cookie's Domain may never be one). */
export function isPublicSuffix(host: string): boolean {
  const h = host.toLowerCase().replace(/^\./, '');
  const info = parse(h, { allowPrivateDomains: true });
  return !info.isIp && info.publicSuffix === h && info.domain === null;
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return undefined;
  }
}

export function isHttpUrl(url: string | undefined): boolean {
  return url !== undefined && /^https?:\/\//i.test(url);
}
