import type { CookieRecord } from './cookie-record';
import { parseUrl } from '../parse-url';

/** The cookie's domain without the leading dot the store keeps for Domain cookies, lower-cased. */
export function bareDomain(domain: string): string {
  return domain.replace(/^\./, '').toLowerCase();
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/**
 * RFC 6265 §5.1.3 domain-match. A host-only cookie matches only its own host; a Domain cookie matches its
 * domain and every subdomain, never a mere string suffix (`evil-example.com` does not match `example.com`),
 * and never on an IP address beyond the exact address.
 */
export function domainMatches(host: string, cookieDomain: string, hostOnly: boolean): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const d = bareDomain(cookieDomain);
  if (h === d) return true;
  if (hostOnly || isIpAddress(h)) return false;
  return h.endsWith('.' + d);
}

/** RFC 6265 §5.1.4 path-match. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

/** The cookies a request to `url` would carry (domain and path; Secure is shown, not filtered). */
export function cookiesForUrl<T extends CookieRecord>(cookies: readonly T[], url: string): T[] {
  const parsed = parseUrl(url);
  if (!parsed) return [];
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const path = parsed.pathname || '/';
  return cookies.filter((c) => domainMatches(host, c.domain, c.hostOnly) && pathMatches(path, c.path));
}
