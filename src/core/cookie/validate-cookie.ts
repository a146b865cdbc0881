import type { CookieRecord } from './cookie-record';
import { bareDomain, domainMatches } from './match';
import { isPublicSuffix } from './site';
import { ATTRIBUTE_SIZE_LIMIT, COOKIE_SIZE_LIMIT, cookieSize, utf8Size } from './size';
import { parseUrl } from '../parse-url';
import { codePointLabel } from '../code-point';

export type CookieProblemCode =
  | 'empty'
  | 'name-chars'
  | 'value-chars'
  | 'nameless-prefix'
  | 'too-large'
  | 'attribute-too-large'
  | 'host-prefix'
  | 'secure-prefix'
  | 'samesite-none-insecure'
  | 'partitioned-insecure'
  | 'partition-key'
  | 'path'
  | 'domain'
  | 'expired'
  /** Not the browser's rule: the same identity given twice in one import. */
  | 'duplicate';

/** Why the browser would not store a cookie as given. */
export interface CookieProblem {
  code: CookieProblemCode;
  reason: string;
}

export interface ValidateOptions {
  nowMs: number;
  /** The host of the page the cookie is meant for: its Domain must domain-match it (RFC 6265 §5.3 step 6). */
  host?: string;
}

/**
 * The first character that makes a browser refuse the cookie: control characters other than TAB (RFC 6265bis
 * §5.6 ignores the whole cookie for them), and `;`, which ends a cookie-pair. A name cannot hold `=` either:
 * the first `=` separates name from value. `null` when there is none.
 */
function forbiddenChar(s: string, isName: boolean): string | null {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return codePointLabel(code);
    if (code === 0x3b) return '";"';
    if (isName && code === 0x3d) return '"="';
  }
  return null;
}

const HOST_CHARS = /^[a-z0-9.\-_[\]:]+$/i;

function startsWithCi(s: string, prefix: string): boolean {
  return s.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
}

/**
 * What a browser would refuse to store, each with its reason (RFC 6265bis §4.1.3 prefixes, §5.6 storage
 * model; CHIPS for Partitioned). An empty list means the browser would keep the cookie as given.
 */
export function validateCookie(c: CookieRecord, options: ValidateOptions): CookieProblem[] {
  const out: CookieProblem[] = [];
  const add = (code: CookieProblemCode, reason: string): void => {
    out.push({ code, reason });
  };
  if (c.name === '' && c.value === '') add('empty', 'a cookie with an empty name and an empty value is ignored');
  const badInName = forbiddenChar(c.name, true);
  const badInValue = forbiddenChar(c.value, false);
  if (badInName) add('name-chars', `the name contains ${badInName}`);
  else if (c.name !== c.name.trim()) add('name-chars', 'the name starts or ends with white space, which browsers trim');
  if (badInValue) add('value-chars', `the value contains ${badInValue}`);
  if (c.name === '') {
    if (c.value.includes('='))
      add('value-chars', 'a nameless cookie cannot have "=" in its value: it would read as a name');
    if (startsWithCi(c.value, '__Secure-') || startsWithCi(c.value, '__Host-')) {
      add('nameless-prefix', 'a nameless cookie whose value starts with __Secure- or __Host- is refused');
    }
  }
  const size = cookieSize(c);
  if (size > COOKIE_SIZE_LIMIT) {
    add('too-large', `name and value are ${size} bytes; browsers keep at most ${COOKIE_SIZE_LIMIT}`);
  }
  if (utf8Size(c.path) > ATTRIBUTE_SIZE_LIMIT || utf8Size(c.domain) > ATTRIBUTE_SIZE_LIMIT) {
    add('attribute-too-large', `the path or domain is over ${ATTRIBUTE_SIZE_LIMIT} bytes`);
  }
  if (startsWithCi(c.name, '__Host-')) {
    const wrong: string[] = [];
    if (!c.secure) wrong.push('is not Secure');
    if (!c.hostOnly) wrong.push('has a Domain');
    if (c.path !== '/') wrong.push('has a path other than "/"');
    if (wrong.length > 0)
      add('host-prefix', `a __Host- cookie must be Secure, host-only and on path "/"; this one ${wrong.join(', ')}`);
  } else if (startsWithCi(c.name, '__Secure-') && !c.secure) {
    add('secure-prefix', 'a __Secure- cookie must be Secure');
  }
  if (c.sameSite === 'no_restriction' && !c.secure) add('samesite-none-insecure', 'SameSite=None requires Secure');
  if (c.partitionKey) {
    if (!c.secure) add('partitioned-insecure', 'a Partitioned cookie must be Secure');
    const site = c.partitionKey.topLevelSite;
    if (site !== undefined && site !== '' && !isSiteOrigin(site)) {
      add(
        'partition-key',
        `the partition's top-level site should be a scheme and host like https://example.com, is "${site.slice(0, 60)}"`,
      );
    }
  }
  if (!c.path.startsWith('/')) add('path', 'the path must start with "/"');
  const domainProblem = checkDomain(c, options.host);
  if (domainProblem) add('domain', domainProblem);
  if (!c.browserSession && c.expirationDate !== undefined && c.expirationDate * 1000 <= options.nowMs) {
    add('expired', 'the expiry is in the past: the browser would delete the cookie instead of storing it');
  }
  return out;
}

function isSiteOrigin(site: string): boolean {
  const u = parseUrl(site);
  return u !== null && (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === site.replace(/\/$/, '');
}

function checkDomain(c: CookieRecord, host: string | undefined): string | null {
  const d = bareDomain(c.domain);
  if (d === '') return 'the domain is empty';
  if (!HOST_CHARS.test(d) || d.includes('..') || d.endsWith('.')) return `"${d.slice(0, 60)}" is not a host name`;
  if (!c.hostOnly && isPublicSuffix(d)) return `"${d}" is a public suffix: no site may set a cookie for all of it`;
  if (host !== undefined && !domainMatches(host, c.domain, c.hostOnly)) {
    return `a page on ${host} cannot set a cookie for ${d}: the domain must be the host or a parent of it`;
  }
  return null;
}
