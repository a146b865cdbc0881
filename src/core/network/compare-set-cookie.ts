import type { Finding } from '../audit/finding';
import type { CookieBase, CookieFlags, CookieRecord, SameSite } from '../cookie/cookie-record';
import { bareDomain, domainMatches, pathMatches } from '../cookie/match';
import { isPublicSuffix } from '../cookie/site';
import { isSecureUrl } from '../cookie/would-send';
import { auditSetCookie } from './audit-set-cookie';
import type { ParsedSetCookie } from './set-cookie';
import { parseUrl } from '../parse-url';

const DAY_MS = 86_400_000;
/** RFC 6265bis §5.5: browsers cap a cookie's lifetime at 400 days. */
const MAX_AGE_MS = 400 * DAY_MS;
/** Expiry differences below this are clock noise between the response and the read of the store. */
const EXPIRY_TOLERANCE_MS = 60_000;

/** The cookie a browser would store from the header, before anything else happens to it. */
export interface ExpectedCookie extends CookieBase, CookieFlags {
  /** Bare host or domain, lower-cased. */
  domain: string;
  partitioned: boolean;
  /** Milliseconds since the epoch as the header asks (not capped); absent for a browser-session cookie. */
  expiresMs?: number;
}

/**
 * Why the browser refuses the header. `id` is a rule id of the catalogue (rejected-…, secure-from-http) or one
 * of the storage-model checks that are not security findings: `domain-mismatch` (Domain does not cover the
 * responding host), `domain-public-suffix`, `empty`, `secure-cookie-exists` (an insecure response may not
 * overwrite a Secure cookie, RFC 6265bis §5.7), `bad-url`.
 */
export interface SetCookieRejection {
  id: string;
  detail: string;
}

export interface AttributeChange {
  attribute: 'value' | 'secure' | 'httpOnly' | 'sameSite' | 'expires' | 'partitioned';
  sent: string;
  stored: string;
  note?: string;
}

export type SetCookieOutcome = 'kept' | 'changed' | 'rejected' | 'deleted' | 'missing';

export interface SetCookieComparison {
  /**
   * `kept`: stored as sent; `changed`: stored, but attributes differ (see `changes`); `rejected`: the browser
   * refuses the header (see `reasons`); `deleted`: the header removes the cookie (expiry in the past);
   * `missing`: acceptable as far as these rules know, yet not in the store (blocked, evicted or overwritten).
   */
  outcome: SetCookieOutcome;
  parsed: ParsedSetCookie;
  findings: Finding[];
  expected?: ExpectedCookie;
  /** The stored cookie with the header's identity, if any (for `deleted`: still there when it should not be). */
  stored?: CookieRecord;
  changes: AttributeChange[];
  reasons: SetCookieRejection[];
}

/** RFC 6265bis §5.1.4 default-path: the request path up to, not including, its last "/". */
export function defaultPath(urlPath: string): string {
  if (!urlPath.startsWith('/')) return '/';
  const last = urlPath.lastIndexOf('/');
  return last <= 0 ? '/' : urlPath.slice(0, last);
}

function sameSiteOf(p: ParsedSetCookie): SameSite {
  const v = p.sameSite?.value;
  return v === 'strict' ? 'strict' : v === 'lax' ? 'lax' : v === 'none' ? 'no_restriction' : 'unspecified';
}

function expectedCookie(p: ParsedSetCookie, url: URL, host: string, nowMs: number): ExpectedCookie {
  const e: ExpectedCookie = {
    name: p.name,
    value: p.value,
    domain: p.domain ?? host,
    hostOnly: p.domain === undefined || (p.domain === host && isPublicSuffix(host)),
    path: p.path ?? defaultPath(url.pathname),
    secure: p.secure,
    httpOnly: p.httpOnly,
    sameSite: sameSiteOf(p),
    partitioned: p.partitioned,
  };
  // Max-Age wins over Expires, whatever their order (RFC 6265bis §5.7).
  if (p.maxAgeSeconds !== undefined) e.expiresMs = p.maxAgeSeconds <= 0 ? 0 : nowMs + p.maxAgeSeconds * 1000;
  else if (p.expiresMs !== undefined) e.expiresMs = p.expiresMs;
  return e;
}

function storageRejections(
  p: ParsedSetCookie,
  e: ExpectedCookie,
  host: string,
  secureOrigin: boolean,
  stored: readonly CookieRecord[],
): SetCookieRejection[] {
  const out: SetCookieRejection[] = [];
  if (p.abort?.reason === 'empty') out.push({ id: 'empty', detail: p.abort.detail });
  if (p.domain !== undefined) {
    if (isPublicSuffix(p.domain) && p.domain !== host) {
      out.push({ id: 'domain-public-suffix', detail: `Domain=${p.domain} is a public suffix` });
    } else if (!domainMatches(host, p.domain, false)) {
      out.push({ id: 'domain-mismatch', detail: `Domain=${p.domain} does not cover ${host}` });
    }
  }
  if (!e.secure && !secureOrigin) {
    const guard = stored.find(
      (s) =>
        s.secure &&
        s.name === e.name &&
        (domainMatches(bareDomain(s.domain), e.domain, false) || domainMatches(e.domain, s.domain, false)) &&
        pathMatches(e.path, s.path),
    );
    if (guard) {
      out.push({
        id: 'secure-cookie-exists',
        detail: `a Secure ${guard.name} on ${guard.domain}${guard.path} cannot be overwritten from plain HTTP`,
      });
    }
  }
  return out;
}

function findStored(e: ExpectedCookie, stored: readonly CookieRecord[]): CookieRecord | undefined {
  const same = stored.filter(
    (s) => s.name === e.name && bareDomain(s.domain) === e.domain && s.hostOnly === e.hostOnly && s.path === e.path,
  );
  return same.find((s) => (s.partitionKey !== undefined) === e.partitioned) ?? same[0];
}

function describeExpiry(ms: number | undefined): string {
  return ms === undefined ? 'end of browser session' : new Date(ms).toISOString();
}

function changesOf(e: ExpectedCookie, s: CookieRecord, nowMs: number): AttributeChange[] {
  const out: AttributeChange[] = [];
  const cut = (v: string) => (v.length > 64 ? `${v.slice(0, 64)}…` : v);
  if (s.value !== e.value) {
    out.push({ attribute: 'value', sent: cut(e.value), stored: cut(s.value), note: 'overwritten since' });
  }
  for (const a of ['secure', 'httpOnly'] as const) {
    if (s[a] !== e[a]) out.push({ attribute: a, sent: String(e[a]), stored: String(s[a]) });
  }
  if (s.sameSite !== e.sameSite) out.push({ attribute: 'sameSite', sent: e.sameSite, stored: s.sameSite });
  if ((s.partitionKey !== undefined) !== e.partitioned) {
    out.push({ attribute: 'partitioned', sent: String(e.partitioned), stored: String(s.partitionKey !== undefined) });
  }
  const storedMs = s.browserSession || s.expirationDate === undefined ? undefined : s.expirationDate * 1000;
  const differs =
    (storedMs === undefined) !== (e.expiresMs === undefined) ||
    (storedMs !== undefined && e.expiresMs !== undefined && Math.abs(storedMs - e.expiresMs) > EXPIRY_TOLERANCE_MS);
  if (differs) {
    const change: AttributeChange = {
      attribute: 'expires',
      sent: describeExpiry(e.expiresMs),
      stored: describeExpiry(storedMs),
    };
    const capped =
      e.expiresMs !== undefined &&
      storedMs !== undefined &&
      e.expiresMs > nowMs + MAX_AGE_MS &&
      Math.abs(storedMs - (nowMs + MAX_AGE_MS)) <= EXPIRY_TOLERANCE_MS;
    if (capped) change.note = 'capped at 400 days (RFC 6265bis §5.5)';
    out.push(change);
  }
  return out;
}

/**
 * What the browser did with one Set-Cookie header, judged against the cookies it has stored since: kept as sent,
 * changed (which attributes), rejected (with reason ids), deleted, or missing. `nowMs` is when the response
 * arrived (Max-Age counts from then). Never throws.
 */
export function compareSetCookie(
  header: string,
  responseUrl: string,
  storedCookies: readonly CookieRecord[],
  nowMs: number,
): SetCookieComparison {
  const { parsed, findings } = auditSetCookie(header, responseUrl);
  const result: SetCookieComparison = { outcome: 'rejected', parsed, findings, changes: [], reasons: [] };
  const url = parseUrl(responseUrl);
  if (!url) {
    result.reasons.push({ id: 'bad-url', detail: 'the response URL does not parse' });
    return result;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const expected = expectedCookie(parsed, url, host, nowMs);
  result.expected = expected;
  for (const f of findings) {
    if (f.ruleId.startsWith('rejected-') || f.ruleId === 'secure-from-http') {
      // The rule's explanation says why; its detail, when it has one, says what in this header (`Domain=…`).
      result.reasons.push({
        id: f.ruleId,
        detail: f.detail ? `${f.explanation} This header: ${f.detail}.` : f.explanation,
      });
    }
  }
  result.reasons.push(...storageRejections(parsed, expected, host, isSecureUrl(url), storedCookies));
  const stored = findStored(expected, storedCookies);
  if (stored) result.stored = stored;
  if (result.reasons.length > 0) return result;
  if (expected.expiresMs !== undefined && expected.expiresMs <= nowMs) {
    result.outcome = 'deleted';
    return result;
  }
  if (!stored) {
    result.outcome = 'missing';
    return result;
  }
  result.changes = changesOf(expected, stored, nowMs);
  result.outcome = result.changes.length === 0 ? 'kept' : 'changed';
  return result;
}
