import { cookieKey } from '../../../src/core/cookie/cookie-key';
import fc from 'fast-check';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { isPublicSuffix } from '../../../src/core/cookie/site';
import { storedDomain } from '../../../src/core/cookie/stored-domain';

/** 2026-11-21T12:00:00Z: every generated expiry lies after it. */
export const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

const chars = (s: string): string[] => [...s];
const ALNUM = chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
/** RFC 6265 §4.1.1 token characters: what a cookie name is made of. */
const TOKEN = [...ALNUM, ...chars("!#$%&'*+-.^_`|~")];
/** RFC 6265 cookie-octets (which include `=`), plus non-ASCII text that browsers keep as UTF-8. */
const OCTETS = [...ALNUM, ...chars("!#$%&'()*+-./:<=>?@[]^_`{|}~"), 'é', '€', '😀'];

export const cookieName = fc.string({ unit: fc.constantFrom(...TOKEN), minLength: 1, maxLength: 16 });
/** A value: cookie-octets, `=` included, with inner spaces; never leading or trailing white space (browsers trim it). */
export const cookieValue = fc
  .array(fc.oneof(fc.constantFrom(...OCTETS), fc.constant(' ')), { maxLength: 40 })
  .map((a) => a.join('').trim());
const label = fc.string({
  unit: fc.constantFrom(...chars('abcdefghijklmnopqrstuvwxyz0123456789')),
  minLength: 1,
  maxLength: 8,
});
export const host = fc
  .tuple(fc.array(label, { minLength: 0, maxLength: 2 }), label, fc.constantFrom('com', 'org', 'test', 'co.uk'))
  .map(([subs, name, tld]) => [...subs, name, tld].join('.'));
const segment = fc.string({ unit: fc.constantFrom(...chars('abcXYZ019._-')), minLength: 1, maxLength: 6 });
export const cookiePath = fc
  .tuple(fc.array(segment, { maxLength: 3 }), fc.boolean())
  .map(([segs, slash]) => (segs.length === 0 ? '/' : `/${segs.join('/')}${slash ? '/' : ''}`));
/** A persistent expiry between an hour and ten years from NOW, with the fraction browsers report. */
export const expiry = fc.double({ min: NOW / 1000 + 3600, max: NOW / 1000 + 10 * 365 * 86400, noNaN: true });
export const storeId = fc.constantFrom('0', '1', 'firefox-default', 'firefox-container-2', 'firefox-private');

/** Any cookie a browser can hold (the constraints browsers enforce are applied: SameSite=None and CHIPS need Secure). */
export const browserCookie: fc.Arbitrary<CookieRecord> = fc
  .record({
    name: cookieName,
    value: cookieValue,
    host,
    path: cookiePath,
    hostOnly: fc.boolean(),
    secure: fc.boolean(),
    httpOnly: fc.boolean(),
    sameSite: fc.constantFrom('no_restriction', 'lax', 'strict', 'unspecified') as fc.Arbitrary<
      CookieRecord['sameSite']
    >,
    expiry: fc.option(expiry, { nil: undefined }),
    storeId,
    partition: fc.option(
      fc.record({ site: host, cross: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['site'] }),
      { nil: undefined },
    ),
  })
  .map((r) => {
    // No browser keeps a Domain cookie for a public suffix (`js.org`, `cn.com` can come out of `host`): such a host's
    // cookie is host-only.
    const hostOnly = r.hostOnly || isPublicSuffix(r.host);
    const c: CookieRecord = {
      name: r.name,
      value: r.value,
      domain: storedDomain(r.host, hostOnly),
      path: r.path,
      hostOnly,
      secure: r.secure || r.sameSite === 'no_restriction' || r.partition !== undefined,
      httpOnly: r.httpOnly,
      sameSite: r.sameSite,
      browserSession: r.expiry === undefined,
      storeId: r.storeId,
    };
    if (r.expiry !== undefined) c.expirationDate = r.expiry;
    if (r.partition) {
      c.partitionKey = { topLevelSite: `https://${r.partition.site}` };
      if (r.partition.cross !== undefined) c.partitionKey.hasCrossSiteAncestor = r.partition.cross;
    }
    return c;
  });

export const cookieList = fc.array(browserCookie, { maxLength: 12 });

/** A jar: up to `maxLength` cookies, no two of one identity (name, domain, path, store, partition). */
export const cookieJar = (maxLength: number) => fc.uniqueArray(browserCookie, { selector: cookieKey, maxLength });
