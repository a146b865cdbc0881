import { bareDomain } from '../../cookie/match';
import { isPublicSuffix, registrableDomain } from '../../cookie/site';
import { severityOf, type CookieRule } from '../rule';
import { SOURCE_URL } from '../sources';

export const domainTooBroad: CookieRule = {
  id: 'domain-too-broad',
  /** Worse on a session cookie: session cookies are the ones worth stealing or planting. */
  severities: ['medium', 'info'],
  explanation:
    'A Domain attribute scopes this cookie to a parent of the page host, so every sibling subdomain receives it, and any of them that is compromised or user-controlled can read or overwrite it.',
  fix: 'Omit the Domain attribute so the cookie stays host-only.',
  source: 'ZAP 90033; OWASP Session Management cheat sheet',
  sourceUrl: SOURCE_URL.zap90033,
  check: (c, ctx) => {
    const host = ctx.pageHost;
    if (c.cookie.hostOnly || host === undefined) return null;
    const domain = bareDomain(c.cookie.domain);
    // Only a strict parent: a Domain equal to the page host is sent to the same hosts as seen from here.
    if (domain === host || !host.endsWith('.' + domain)) return null;
    // Judge the scope by the Public Suffix List: `.example.co.uk` is a whole site, `.co.uk` is no site at all.
    const site = registrableDomain(host);
    const detail = isPublicSuffix(domain)
      ? `scoped to the public suffix ${domain}`
      : domain === site
        ? `sent to every subdomain of ${site}`
        : `sent to every host under ${domain}`;
    return { severity: severityOf(domainTooBroad, c.sessionReason !== null), detail };
  },
};
