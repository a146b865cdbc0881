import type { CookieRecord } from '../cookie/cookie-record';
import type { DecodedValue } from '../decode/decoded-value';
import { decodeJwt } from '../decode/jwt';
import { sessionFormat } from '../decode/session-format';
import { isIdShaped, isOpaqueValue, MIN_SESSION_ID_BITS, opaqueEntropyBits } from './opaque-id';

export interface SessionReason {
  /**
   * `name`: a known session name or a session-like word in the name; `token`: the value is a JWT/JWS or JWE;
   * `format`: the value is a framework's session format; `entropy`: an opaque, high-entropy HttpOnly value.
   */
  kind: 'name' | 'token' | 'format' | 'entropy';
  /** What the UI says, e.g. "known session name connect.sid". */
  detail: string;
}

/** Exact names (lower-cased) that frameworks and servers use for their session cookie. */
const KNOWN_NAMES = new Set([
  'phpsessid',
  'jsessionid',
  'asp.net_sessionid',
  '.aspnetcore.session',
  'connect.sid',
  'sessionid',
  'laravel_session',
  'cfid',
  'cftoken',
  'sid',
  'session',
]);

/** Rails names its cookie `_<app>_session` after the application. */
const RAILS_NAME = /^_[a-z0-9][a-z0-9_-]*_session$/i;

/** RAILS_NAME, tried only on a name that ends as it must: a long name of `_` and letters is not scanned whole. */
function isRailsName(name: string): boolean {
  return name.slice(-8).toLowerCase() === '_session' && RAILS_NAME.test(name);
}

const SESSION_WORDS = ['sess', 'auth', 'token', 'jwt', 'login'] as const;

/**
 * Names that contain a session word, or carry a random-looking value, but are known not to identify a session:
 * analytics ids, consent records and anti-CSRF tokens (an anti-CSRF token must be readable by page scripts in
 * the double-submit pattern, so treating it as a session would report HttpOnly on it wrongly).
 */
function isKnownNonSession(lowerName: string): boolean {
  if (lowerName === '_ga' || lowerName.startsWith('_ga_') || lowerName === '_gid' || lowerName === '_fbp') return true;
  if (lowerName.includes('consent')) return true;
  return lowerName === 'csrftoken' || lowerName.includes('csrf') || lowerName.includes('xsrf');
}

/** A name that only a session cookie has (not one that merely contains a session word). */
export function isKnownSessionName(name: string): boolean {
  const bare = withoutPrefix(name);
  return KNOWN_NAMES.has(bare.toLowerCase()) || isRailsName(bare);
}

/** `__Host-sid` is the hardened form of `sid`: the prefix (RFC 6265bis §4.1.3) says nothing about the role. */
function withoutPrefix(name: string): string {
  return name.replace(/^__(host|secure)-/i, '');
}

function nameReason(name: string): SessionReason | null {
  const lower = withoutPrefix(name).toLowerCase();
  if (KNOWN_NAMES.has(lower)) return { kind: 'name', detail: `known session name ${name}` };
  if (isRailsName(withoutPrefix(name))) return { kind: 'name', detail: `Rails session name ${name}` };
  const word = SESSION_WORDS.find((w) => lower.includes(w));
  if (word !== undefined) return { kind: 'name', detail: `name contains "${word}"` };
  return null;
}

function tokenReason(value: string, decoded: DecodedValue | undefined): SessionReason | null {
  // Without a decoder result, still recognise a bare JWT: detection must not depend on the decoder running.
  const jwt = decoded ? decoded.jwt : decodeJwt(value);
  if (jwt?.kind === 'jws') return { kind: 'token', detail: 'value is a JSON Web Token' };
  if (jwt?.kind === 'jwe') return { kind: 'token', detail: 'value is an encrypted JSON Web Token (JWE)' };
  return null;
}

function formatReason(decoded: DecodedValue | undefined): SessionReason | null {
  if (!decoded || sessionFormat(decoded.format) === undefined) return null;
  return { kind: 'format', detail: `value is a framework session: ${decoded.label}` };
}

function entropyReason(cookie: CookieRecord, decoded: DecodedValue | undefined): SessionReason | null {
  const v = cookie.value;
  if (!cookie.httpOnly || !isIdShaped(v) || !isOpaqueValue(decoded)) return null;
  const bits = opaqueEntropyBits(v, decoded);
  if (bits < MIN_SESSION_ID_BITS) return null;
  return { kind: 'entropy', detail: `opaque HttpOnly value with about ${Math.round(bits)} bits of entropy` };
}

/**
 * Whether a cookie identifies a session, and why (one of the reasons above). The first reason
 * found is returned, names first because they are what a user recognises. Known non-session names never are.
 */
export function detectSession(cookie: CookieRecord, decoded?: DecodedValue): SessionReason | null {
  if (isKnownNonSession(withoutPrefix(cookie.name).toLowerCase())) return null;
  return (
    nameReason(cookie.name) ??
    tokenReason(cookie.value, decoded) ??
    formatReason(decoded) ??
    entropyReason(cookie, decoded)
  );
}
