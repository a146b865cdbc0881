import { registrableDomain } from '../../cookie/site';
import { severityOf, type Hit, type JarRule } from '../rule';
import { ruleInfo } from '../rule-info';

/** RFC 6265bis §6.1 asks browsers to keep at least 50 cookies per domain. */
const MANY = 50;
/** Chromium evicts beyond 180 cookies per registrable domain (kDomainMaxCookies in net/cookies). */
const EVICTS = 180;

export const tooManyCookies: JarRule = {
  ...ruleInfo('too-many-cookies'),
  check: (cookies) => {
    // Browsers count per registrable domain, in each cookie store and each partition separately.
    const counts = new Map<string, { domain: string; n: number }>();
    for (const { cookie } of cookies) {
      const domain = registrableDomain(cookie.domain);
      const group = JSON.stringify([domain, cookie.storeId, cookie.partitionKey?.topLevelSite ?? '']);
      const entry = counts.get(group) ?? { domain, n: 0 };
      entry.n += 1;
      counts.set(group, entry);
    }
    const hits: Hit[] = [];
    for (const { domain, n } of counts.values()) {
      if (n > MANY)
        hits.push({ severity: severityOf(tooManyCookies, n > EVICTS), detail: `${n} cookies on ${domain}` });
    }
    return hits;
  },
};
