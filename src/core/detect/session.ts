import type { CookieRecord } from '../cookie/cookie-record';
import type { DecodedValue } from '../decode/decoded-value';

export interface SessionReason {
  kind: 'name' | 'token' | 'entropy';
  /** What the UI says, e.g. "known session name connect.sid". */
  detail: string;
}

/**
 * Whether a cookie identifies a session, and why (RULES.md, "Session-identifying cookies").
 * INTERIM: only the known-name list; the full detection (substrings, exclusions, tokens, entropy) replaces it.
 */
const KNOWN = new Set([
  'phpsessid',
  'jsessionid',
  'asp.net_sessionid',
  '.aspnetcore.session',
  'connect.sid',
  'sessionid',
  'laravel_session',
  'sid',
  'session',
]);

export function detectSession(cookie: CookieRecord, _decoded?: DecodedValue): SessionReason | null {
  if (KNOWN.has(cookie.name.toLowerCase())) return { kind: 'name', detail: `known session name ${cookie.name}` };
  return null;
}
