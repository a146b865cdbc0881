import { bareDomain } from '../../cookie/match';
import { isPublicSuffix, registrableDomain } from '../../cookie/site';
import { severityOf, type CookieRule } from '../rule';
import { ruleInfo } from '../rule-info';

export const domainTooBroad: CookieRule = {
  ...ruleInfo('domain-too-broad'),
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
