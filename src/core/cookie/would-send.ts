import type { CookieRecord } from './cookie-record';
import { cookieKey } from './cookie-key';
import { domainMatches, pathMatches } from './match';
import { registrableDomain } from './site';
import { isLoopbackHost } from '../loopback-host';

/**
 * The request whose Cookie header is asked about:
 * - `top-level-navigation`: the URL is loaded in the tab (a link, a form, typed in);
 * - `same-site-subresource`: an image, script, frame or fetch from a page of the same site;
 * - `cross-site-subresource`: an image, script or frame of another site embedded in the top-level page;
 * - `cross-site-fetch`: a cross-site `fetch`/XHR with credentials included (CORS with credentials).
 */
export type RequestKind =
  'top-level-navigation' | 'same-site-subresource' | 'cross-site-subresource' | 'cross-site-fetch';

export interface WouldSendContext {
  url: string;
  kind: RequestKind;
  /**
   * The site of the page in the tab (`https://example.com`, or any URL of it). For subresources it is the
   * top-level site partitioned cookies are keyed on: same-site subresources default to the URL's own site;
   * cross-site ones without it cannot match a partition. For a navigation it is the site the navigation starts
   * from: absent (typed, bookmarked) or equal to the URL's site means a same-site navigation.
   */
  topLevelSite?: string;
  nowMs: number;
  /** HTTP method; SameSite=Lax cookies go with cross-site navigations only for safe methods. Default GET. */
  method?: string;
  /**
   * How a cookie without SameSite is treated: `lax` in Chromium (the default here), `none` in Firefox and
   * Safari today. Chromium's two-minute exception for fresh cookies on cross-site POST is not modelled.
   */
  unspecifiedSameSite?: 'lax' | 'none';
  /** The browser blocks unpartitioned cookies in a cross-site context (third-party cookies off). */
  blockThirdPartyCookies?: boolean;
  /** The cookie store (container, private window) the request is made from; others never go. */
  storeId?: string;
  /** Creation times by cookie key, when known (e.g. from the change log): they order equal-length paths. */
  createdMs?: ReadonlyMap<string, number>;
}

export type NotSentReason =
  'store' | 'expired' | 'domain' | 'path' | 'secure' | 'samesite' | 'partition' | 'third-party-blocked';

export interface NotSent<T extends CookieRecord = CookieRecord> {
  cookie: T;
  /** Every reason that keeps it out, in the order above (the first one is enough on its own). */
  reasons: Array<{ reason: NotSentReason; detail: string }>;
}

export interface WouldSendResult<T extends CookieRecord = CookieRecord> {
  /** The cookies that go, in Cookie header order. */
  sent: T[];
  notSent: NotSent<T>[];
  /** `name=value; …` as the browser would write it. */
  header: string;
  /**
   * False when two sent cookies have paths of the same length and at least one lacks a creation time (or both
   * have the same one): their
   * relative order is then the order they were given in (the cookies API's), which may differ from the browser's.
   */
  orderCertain: boolean;
  /** Why the request is same-site or cross-site, for display. */
  context: { sameSite: boolean; topLevelSite: string | undefined };
}

/** `https://example.com`: scheme and registrable domain (schemeful site, as Chromium and the HTML spec use). */
export function siteOf(urlOrSite: string): string | undefined {
  try {
    const u = new URL(urlOrSite);
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (host === '') return undefined;
    return `${u.protocol}//${registrableDomain(host)}`;
  } catch {
    return undefined;
  }
}

/**
 * Whether the scheme lets Secure cookies go: https/wss, or a loopback host, which Chromium and Firefox treat as
 * a secure context (RFC 6265bis §5.8.3 leaves "secure" to the user agent).
 */
export function isSecureUrl(u: URL): boolean {
  return u.protocol === 'https:' || u.protocol === 'wss:' || isLoopbackHost(u.hostname);
}

/** Whether a partitioned cookie belongs to pages of `topLevelSite` (CHIPS: its partition's site is that site). */
export function partitionMatches(c: Pick<CookieRecord, 'partitionKey'>, topLevelSite: string | undefined): boolean {
  const pk = c.partitionKey?.topLevelSite;
  if (c.partitionKey === undefined) return true;
  if (pk === undefined || topLevelSite === undefined) return false;
  return siteOf(pk) === topLevelSite;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

function sameSiteReason(
  c: CookieRecord,
  ctx: WouldSendContext,
  sameSite: boolean,
): { reason: 'samesite'; detail: string } | null {
  if (sameSite) return null;
  const effective =
    c.sameSite === 'unspecified'
      ? (ctx.unspecifiedSameSite ?? 'lax')
      : c.sameSite === 'no_restriction'
        ? 'none'
        : c.sameSite;
  const label = c.sameSite === 'unspecified' ? `no SameSite (treated as ${effective === 'lax' ? 'Lax' : 'None'})` : '';
  if (effective === 'strict') return { reason: 'samesite', detail: 'SameSite=Strict: never sent cross-site' };
  if (effective === 'lax') {
    const method = (ctx.method ?? 'GET').toUpperCase();
    if (ctx.kind === 'top-level-navigation' && SAFE_METHODS.has(method)) return null;
    const why =
      ctx.kind === 'top-level-navigation'
        ? `cross-site navigations only with safe methods, not ${method}`
        : 'cross-site only on top-level navigations';
    return { reason: 'samesite', detail: `${label || 'SameSite=Lax'}: ${why}` };
  }
  return null;
}

/**
 * Which cookies a request carries, in Cookie header order, and why each other cookie stays home
 * (RFC 6265bis §5.8.3 and its SameSite rules §5.6.7; CHIPS for partitioned cookies). Pure: the jar is given.
 *
 * Order: longer paths first, then earlier creation (§5.8.3 step 2). Creation time is not in the cookies API;
 * with `createdMs` known cookies go first by time, the rest keep their input order, and `orderCertain` says so.
 */
export function wouldSend<T extends CookieRecord>(cookies: readonly T[], ctx: WouldSendContext): WouldSendResult<T> {
  let url: URL | undefined;
  try {
    url = new URL(ctx.url);
  } catch {
    url = undefined;
  }
  const urlSite = siteOf(ctx.url);
  const given = ctx.topLevelSite !== undefined ? siteOf(ctx.topLevelSite) : undefined;
  let sameSite: boolean;
  let topLevelSite: string | undefined;
  if (ctx.kind === 'top-level-navigation') {
    sameSite = given === undefined || given === urlSite;
    topLevelSite = urlSite;
  } else if (ctx.kind === 'same-site-subresource') {
    sameSite = true;
    topLevelSite = given ?? urlSite;
  } else {
    sameSite = false;
    topLevelSite = given;
  }
  const notSent: NotSent<T>[] = [];
  const sent: Array<{ c: T; i: number }> = [];
  const host = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
  const path = url ? url.pathname || '/' : '/';
  cookies.forEach((c, i) => {
    const reasons: NotSent['reasons'] = [];
    if (ctx.storeId !== undefined && c.storeId !== ctx.storeId) {
      reasons.push({ reason: 'store', detail: `in store ${c.storeId}, the request is from ${ctx.storeId}` });
    }
    if (!c.browserSession && c.expirationDate !== undefined && c.expirationDate * 1000 <= ctx.nowMs) {
      reasons.push({ reason: 'expired', detail: 'already expired' });
    }
    if (!url || !domainMatches(host, c.domain, c.hostOnly)) {
      const scope = c.hostOnly ? `only to ${c.domain}` : `to ${c.domain.replace(/^\./, '')} and its subdomains`;
      reasons.push({ reason: 'domain', detail: `sent ${scope}` });
    }
    if (url && !pathMatches(path, c.path)) reasons.push({ reason: 'path', detail: `sent under ${c.path} only` });
    if (c.secure && url && !isSecureUrl(url)) reasons.push({ reason: 'secure', detail: 'Secure: https only' });
    const ss = sameSiteReason(c, ctx, sameSite);
    if (ss) reasons.push(ss);
    if (c.partitionKey !== undefined && !partitionMatches(c, topLevelSite)) {
      const where = topLevelSite ?? 'an unknown top-level site';
      reasons.push({
        reason: 'partition',
        detail: `partitioned under ${c.partitionKey.topLevelSite ?? 'no site'}, the page is ${where}`,
      });
    }
    // A top-level navigation is first-party even when it comes from another site: the blocking is of cookies in
    // a cross-site context (a frame, a subresource, a fetch), not of the page the user opens.
    if (
      ctx.blockThirdPartyCookies &&
      !sameSite &&
      ctx.kind !== 'top-level-navigation' &&
      c.partitionKey === undefined
    ) {
      reasons.push({ reason: 'third-party-blocked', detail: 'third-party cookies are blocked in this context' });
    }
    if (reasons.length > 0) notSent.push({ cookie: c, reasons });
    else sent.push({ c, i });
  });
  const created = (c: T) => ctx.createdMs?.get(cookieKey(c));
  sent.sort((a, b) => {
    const byPath = b.c.path.length - a.c.path.length;
    if (byPath !== 0) return byPath;
    const ta = created(a.c);
    const tb = created(b.c);
    if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
    if (ta !== undefined && tb === undefined) return -1;
    if (ta === undefined && tb !== undefined) return 1;
    return a.i - b.i;
  });
  let orderCertain = true;
  for (let k = 1; k < sent.length; k++) {
    const a = sent[k - 1]!.c;
    const b = sent[k]!.c;
    const ta = created(a);
    const tb = created(b);
    // Equal times (the log's clock is in milliseconds) do not say which came first either.
    if (a.path.length === b.path.length && (ta === undefined || tb === undefined || ta === tb)) {
      orderCertain = false;
    }
  }
  const list = sent.map((s) => s.c);
  return {
    sent: list,
    notSent,
    header: list.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; '),
    orderCertain,
    context: { sameSite, topLevelSite },
  };
}

/**
 * Names the request carries more than once (cookies of one name on several domain or path scopes): the server
 * sees every value, usually takes the first, and a parent domain's or a sibling's cookie can win (cookie
 * shadowing, the `cookie-shadowed` rule).
 */
export function repeatedNames(sent: readonly Pick<CookieRecord, 'name'>[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const c of sent) {
    if (seen.has(c.name)) repeated.add(c.name);
    seen.add(c.name);
  }
  return repeated;
}
