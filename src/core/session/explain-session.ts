import type { CookieView } from '../analyze-site';
import type { FoundToken, TokenLocation } from '../audit/audit-input';
import type { Finding } from '../audit/finding';
import { formatRelative } from '../cookie/expiry';
import { decodeJwt } from '../decode/jwt';
import { sessionFormat } from '../decode/session-format';
import type { DecodedJwe, DecodedJws } from '../decode/jwt-types';

/**
 * - `server-session-id`: the cookie holds only an id; the session lives on the server;
 * - `client-session`: the session data itself travels in the cookie (signed or encrypted);
 * - `jwt`: a JSON Web Token (JWS or JWE), in a cookie, web storage or a header;
 * - `opaque-token`: a random token outside cookies (an API key, a refresh token).
 */
export type MechanismKind = 'server-session-id' | 'client-session' | 'jwt' | 'opaque-token';

/** `opaque`: a random id, protected by its unpredictability rather than by a signature. */
export type Protection = 'signed' | 'encrypted' | 'unsigned' | 'opaque';

/**
 * Whether the browser attaches it to cross-site requests on its own: on all of them (SameSite=None), only on
 * top-level navigations (Lax, or no SameSite in Chromium), never (Strict); tokens outside cookies go only where
 * page scripts put them.
 */
export type CrossSite = 'all-requests' | 'top-level-navigations' | 'never' | 'only-if-scripts-send-it';

export interface SessionMechanism {
  kind: MechanismKind;
  /** What it is, e.g. "Flask session (itsdangerous)", "JSON Web Token (HS256)". */
  label: string;
  location: TokenLocation;
  /** Where exactly, e.g. "cookie sid on app.example.com/", "localStorage token on https://app.example.com". */
  where: string;
  /** Whether page scripts can read it; `null` for a header value (depends on where the page keeps it). */
  scriptReadable: boolean | null;
  protection: Protection;
  protectionDetail: string;
  /** How long it lives: the cookie's expiry and the token's own exp, whichever apply. */
  lifetime: string;
  crossSite: CrossSite;
  crossSiteDetail: string;
  /** What to link to: the cookie, the storage entry or header, and the findings about it (rule ids). */
  ref: {
    cookieKey?: string;
    storage?: { area: 'localStorage' | 'sessionStorage'; key: string; origin?: string };
    header?: string;
    findingIds: string[];
  };
}

function jwtProtection(t: DecodedJws | DecodedJwe): { protection: Protection; detail: string; label: string } {
  if (t.kind === 'jwe') {
    return {
      protection: 'encrypted',
      detail: `encrypted (${t.alg ?? '?'} / ${t.enc ?? '?'}): only the header is readable`,
      label: 'encrypted JSON Web Token (JWE)',
    };
  }
  const alg = t.alg ?? 'no alg';
  if (t.unsigned || alg.toLowerCase() === 'none') {
    return { protection: 'unsigned', detail: 'unsigned: anyone can forge it', label: 'unsigned JSON Web Token' };
  }
  return {
    protection: 'signed',
    detail: `signed (${alg}), not encrypted: the claims are readable`,
    label: `JSON Web Token (${alg})`,
  };
}

function tokenLifetime(t: DecodedJws | DecodedJwe | undefined, nowMs: number): string | undefined {
  if (t?.kind !== 'jws') return undefined;
  const exp = t.times.exp;
  if (exp === undefined) return t.claims !== null ? 'the token has no exp: valid until the key changes' : undefined;
  return `the token ${formatRelative(exp.seconds * 1000, nowMs, 'expired ').replace(/^in /, 'expires in ')}`;
}

function cookieCrossSite(v: CookieView): { crossSite: CrossSite; detail: string } {
  const partition = v.cookie.partitionKey?.topLevelSite;
  const suffix = partition !== undefined ? `; partitioned: only under ${partition}` : '';
  switch (v.cookie.sameSite) {
    case 'no_restriction':
      return { crossSite: 'all-requests', detail: `SameSite=None: sent with every cross-site request${suffix}` };
    case 'strict':
      return { crossSite: 'never', detail: `SameSite=Strict: never sent cross-site${suffix}` };
    case 'lax':
      return {
        crossSite: 'top-level-navigations',
        detail: `SameSite=Lax: cross-site only on top-level GET navigations${suffix}`,
      };
    default:
      return {
        crossSite: 'top-level-navigations',
        detail: `no SameSite: Lax in Chromium, but sent with every cross-site request in Firefox and Safari${suffix}`,
      };
  }
}

function cookieMechanism(v: CookieView, nowMs: number): SessionMechanism {
  const c = v.cookie;
  const d = v.decoded;
  let kind: MechanismKind;
  let label = d.format !== null ? d.label : 'opaque session id';
  let protection: Protection;
  let protectionDetail: string;
  const format = sessionFormat(d.format);
  if (d.jwt) {
    const p = jwtProtection(d.jwt);
    kind = 'jwt';
    label = p.label;
    protection = p.protection;
    protectionDetail = p.detail;
  } else if (format?.data === 'in-cookie') {
    kind = 'client-session';
    protection = format.value === 'encrypted' ? 'encrypted' : d.hmacSigned ? 'signed' : 'unsigned';
    protectionDetail =
      protection === 'encrypted'
        ? 'encrypted and authenticated: unreadable without the server secret'
        : protection === 'signed'
          ? 'signed, not encrypted: anyone holding the cookie can read the data'
          : 'no signature found: the data can be read and altered';
  } else {
    kind = 'server-session-id';
    if (format?.value === 'encrypted') {
      protection = 'encrypted';
      protectionDetail = 'encrypted by the framework: unreadable without the server secret';
    } else if (d.hmacSigned) {
      protection = 'signed';
      protectionDetail = 'an id with a signature: the session data stays on the server';
    } else {
      protection = 'opaque';
      protectionDetail = 'a random id: its strength is its unpredictability; the data stays on the server';
    }
  }
  const cookieLife =
    v.expiry.kind === 'session'
      ? 'the cookie ends with the browser session'
      : v.expiry.expired
        ? `the cookie ${v.expiry.relative}`
        : `the cookie expires ${v.expiry.relative}`;
  const tokenLife = tokenLifetime(d.jwt, nowMs);
  const { crossSite, detail } = cookieCrossSite(v);
  const where = `cookie ${c.name} on ${c.domain}${c.path}${c.partitionKey ? ' (partitioned)' : ''}`;
  return {
    kind,
    label,
    location: 'cookie',
    where,
    scriptReadable: !c.httpOnly,
    protection,
    protectionDetail,
    lifetime: tokenLife ? `${cookieLife}; ${tokenLife}` : cookieLife,
    crossSite,
    crossSiteDetail: detail,
    ref: { cookieKey: v.key, findingIds: [...new Set(v.findings.map((f) => f.ruleId))] },
  };
}

function tokenMechanism(t: FoundToken, findings: readonly Finding[], nowMs: number): SessionMechanism {
  const decoded = t.kind === 'opaque' ? undefined : decodeJwt(t.token);
  const jwt = decoded && decoded.kind !== 'not-jwt' ? decoded : undefined;
  const p = jwt
    ? jwtProtection(jwt)
    : {
        protection: 'opaque' as const,
        detail: 'a random token: its strength is its unpredictability',
        label: 'opaque token',
      };
  const inStorage = t.location !== 'header';
  const where = inStorage ? `${t.location} ${t.name}${t.origin ? ` on ${t.origin}` : ''}` : `request header ${t.name}`;
  const ref: SessionMechanism['ref'] = {
    findingIds: [
      ...new Set(findings.filter((f) => f.tokenName === t.name && f.location === t.location).map((f) => f.ruleId)),
    ],
  };
  if (t.location === 'header') ref.header = t.name;
  else ref.storage = { area: t.location, key: t.storageKey ?? t.name, ...(t.origin ? { origin: t.origin } : {}) };
  return {
    kind: jwt ? 'jwt' : 'opaque-token',
    label: t.label ? `${p.label}, ${t.label}` : p.label,
    location: t.location,
    where,
    scriptReadable: inStorage ? true : null,
    protection: p.protection,
    protectionDetail: p.detail,
    lifetime:
      tokenLifetime(jwt, nowMs) ??
      (t.location === 'localStorage'
        ? 'kept in localStorage until removed'
        : t.location === 'sessionStorage'
          ? 'kept until the tab closes'
          : 'as long as the page keeps sending it'),
    crossSite: 'only-if-scripts-send-it',
    crossSiteDetail: 'the browser never attaches it by itself: only page scripts send it, wherever they choose',
    ref,
  };
}

/** How many mechanisms explainSession would tell, without telling them: every session cookie and every token. */
export function countMechanisms(cookies: readonly CookieView[], tokens: readonly FoundToken[]): number {
  let n = tokens.length;
  for (const v of cookies) if (v.sessionReason !== null) n++;
  return n;
}

/**
 * The page's session mechanisms, explained: every session-identifying cookie, then every token found in web
 * storage or request headers, the first `limit` of them (a view tells a dozen; a jar of 10,000 cookies may hold
 * thousands). `nowMs` is the analysis clock (token lifetimes are told relative to it).
 */
export function explainSession(
  /** An analysis, or the rows shown before it (cookieRows: no findings yet, so no finding links). */
  analysis: {
    cookies: readonly CookieView[];
    siteFindings?: readonly Finding[];
    audit?: { findings: readonly Finding[] };
  },
  tokens: readonly FoundToken[],
  nowMs: number,
  limit = Infinity,
): SessionMechanism[] {
  const out: SessionMechanism[] = [];
  for (const v of analysis.cookies) {
    if (out.length >= limit) return out;
    if (v.sessionReason !== null) out.push(cookieMechanism(v, nowMs));
  }
  if (out.length >= limit || tokens.length === 0) return out;
  const findings = analysis.siteFindings ?? analysis.audit?.findings.filter((f) => f.cookieKey === undefined) ?? [];
  for (const t of tokens.slice(0, limit - out.length)) out.push(tokenMechanism(t, findings, nowMs));
  return out;
}
