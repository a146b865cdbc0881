import type { CookieRecord } from '../cookie/cookie-record';
import { domainMatches, pathMatches } from '../cookie/match';
import { registrableDomain } from '../cookie/site';
import { cookiesCount, type ExportResult } from './export-result';
import { createCollector, refused, tooLarge, type ParsedImport, type ImportOptions } from './import-result';
import { parseUrl } from '../parse-url';

export interface CookieHeaderOptions {
  nowMs: number;
  /**
   * The top-level site of the request (`https://example.com`), which decides the partitioned cookies it carries.
   * Defaults to the site of `url` itself: a request typed into the address bar.
   */
  topLevelSite?: string;
}

export type NotSentReason = 'domain' | 'path' | 'secure' | 'expired' | 'partition' | 'url';

export interface CookieHeaderResult extends ExportResult {
  /** The cookies in the header, in the order sent. */
  sent: CookieRecord[];
  notSent: Array<{ cookie: CookieRecord; reason: NotSentReason }>;
}

/** Writes what one request to `url` carries of `cookies`: the Cookie header itself, or a command that sends it. */
export type RequestCookiesWriter = (
  cookies: readonly CookieRecord[],
  url: string,
  options: CookieHeaderOptions,
) => CookieHeaderResult;

function siteOf(url: URL): string {
  return `${url.protocol}//${registrableDomain(url.hostname.replace(/^\[|\]$/g, ''))}`;
}

function whyNotSent(
  c: CookieRecord,
  url: URL,
  host: string,
  topLevelSite: string,
  nowMs: number,
): NotSentReason | null {
  if (!domainMatches(host, c.domain, c.hostOnly)) return 'domain';
  if (!pathMatches(url.pathname || '/', c.path)) return 'path';
  if (c.secure && url.protocol !== 'https:') return 'secure';
  if (!c.browserSession && c.expirationDate !== undefined && c.expirationDate * 1000 <= nowMs) return 'expired';
  if (c.partitionKey) {
    // A partitioned cookie goes only to requests under its top-level site, and with a cross-site ancestor
    // flag only to embedded contexts, which a request on its own is not.
    if (c.partitionKey.topLevelSite !== topLevelSite || c.partitionKey.hasCrossSiteAncestor === true)
      return 'partition';
  }
  return null;
}

/**
 * The `Cookie` header one request to `url` carries (RFC 6265 §5.4): domain- and path-matching cookies, Secure ones
 * only over https, unexpired, longer paths first. SameSite is not applied: it depends on where the request
 * comes from, and a header made to be pasted is a same-site request. Cookies of several stores are never sent
 * together: give the cookies of one store.
 */
export const writeCookieHeader: RequestCookiesWriter = (cookies, url, options) => {
  const parsed = parseUrl(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return {
      text: '',
      count: 0,
      sent: [],
      notSent: cookies.map((cookie) => ({ cookie, reason: 'url' })),
      notRepresented: ['the URL is not an http or https URL'],
    };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const topLevelSite = options.topLevelSite ?? siteOf(parsed);
  const sent: CookieRecord[] = [];
  const notSent: CookieHeaderResult['notSent'] = [];
  for (const c of cookies) {
    const reason = whyNotSent(c, parsed, host, topLevelSite, options.nowMs);
    if (reason) notSent.push({ cookie: c, reason });
    else sent.push(c);
  }
  // Array.prototype.sort is stable: equal paths keep the order given (the browser's creation order).
  sent.sort((a, b) => b.path.length - a.path.length);
  const text = sent.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; ');
  const notRepresented: string[] = [];
  if (notSent.length > 0) notRepresented.push(`${cookiesCount(notSent.length)} not sent to this URL`);
  if (sent.length > 0) notRepresented.push('a Cookie header has names and values only: no attributes');
  return { text, count: sent.length, sent, notSent, notRepresented };
};

export interface CookieHeaderParseOptions extends ImportOptions {
  /** The URL the header was sent to: it gives the cookies their host. */
  url: string;
}

/** The maximum size of a header anyone sends; servers refuse far less. */
const MAX_HEADER_CHARS = 1024 * 1024;

/**
 * A `Cookie` header (optionally with its `Cookie:` name) to cookies. The header carries only names and values,
 * so each cookie is host-only on the URL's host with path `/`, Secure when the URL is https, and a session
 * cookie. A name twice (the same name on two paths, sent longest path first) keeps the first.
 */
export function parseCookieHeader(text: string, options: CookieHeaderParseOptions): ParsedImport {
  const size = tooLarge(text);
  if (size) return refused('cookie-header', size);
  if (text.length > MAX_HEADER_CHARS)
    return refused('cookie-header', `a Cookie header longer than ${MAX_HEADER_CHARS} characters`);
  const url = parseUrl(options.url);
  if (!url) {
    return refused(
      'cookie-header',
      'a Cookie header does not say which site it belongs to: give the URL it was sent to',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refused('cookie-header', 'the URL should be an http or https URL');
  }
  const body = text.trim().replace(/^cookie\s*:\s*/i, '');
  if (/[\r\n]/.test(body)) return refused('cookie-header', 'a Cookie header is one line');
  const out = createCollector();
  const seen = new Set<string>();
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const pairs = body.split(';');
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!.trim();
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    // A pair without "=" is a cookie with an empty name (RFC 6265bis §5.6): browsers send it as the bare value.
    const name = eq < 0 ? '' : pair.slice(0, eq).trim();
    const value = eq < 0 ? pair : pair.slice(eq + 1).trim();
    if (seen.has(name)) {
      out.problem(
        `pair ${i + 1}`,
        `"${name.slice(0, 40)}" appears again: a header does not say which path each came from, so the first (longest path) is kept`,
      );
      continue;
    }
    seen.add(name);
    const cookie: CookieRecord = {
      name,
      value,
      domain: host,
      path: '/',
      hostOnly: true,
      secure: url.protocol === 'https:',
      httpOnly: false,
      sameSite: 'unspecified',
      browserSession: true,
      storeId: options.storeId,
    };
    if (!out.addCookie(cookie)) break;
  }
  return out.finish('cookie-header');
}
