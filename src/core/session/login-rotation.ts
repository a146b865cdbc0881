import { cookieKey } from '../cookie/cookie-key';
import type { CookieRecord } from '../cookie/cookie-record';
import type { FoundToken } from '../audit/audit-input';
import type { Finding } from '../audit/finding';
import { sessionNotRotated } from '../audit/rules/session-behaviour';
import { toFinding } from '../audit/to-finding';
import { decodeJwt } from '../decode/jwt';
import type { JwtDecodeResult } from '../decode/jwt-types';
import { GUARD_CAUSES, type ChangeLogEntry } from '../timeline/change-log-entry';

/**
 * A sign that a login happened at `time`: a token appeared, or a token's subject or role changed. `graceMs`:
 * how late `time` may be against the login itself (a token read from web storage is seen at the next poll), so a
 * session id renewed that little before it still counts as renewed at the login.
 */
export interface LoginSignal {
  time: number;
  /** In words, for the evidence, e.g. "a JWT (sub alice) appeared in cookie auth". */
  what: string;
  /** The timeline entry that shows it, for a cookie. */
  seq?: number;
  graceMs: number;
}

/** The evidence of one session id that kept its value across a login. */
export interface NotRotated {
  finding: Finding;
  /** The entry that gave the session id the value it still has. */
  setSeq: number;
  login: LoginSignal;
}

/** A login seen in the cookie log is timed by the background as the change arrived. */
export const COOKIE_SIGNAL_GRACE_MS = 1_000;

/** A login timed by the token's own `iat` (whole seconds, and the server's clock). */
export const ISSUED_AT_GRACE_MS = 2_000;
/** A login timed by when the panel first saw the token: web storage is read every 2 s. */
export const FIRST_SEEN_GRACE_MS = 3_000;

/** Who a JWT says the user is: its subject and role claims, as text (bounded), or undefined for a non-JWT. */
export function tokenIdentity(value: string): string | undefined {
  return identityOf(decodeJwt(value));
}

function identityOf(t: JwtDecodeResult): string | undefined {
  if (t.kind !== 'jws' || t.claims === null) return undefined;
  const c = t.claims;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 80) : '');
  const role = c['role'] ?? c['roles'] ?? c['scope'] ?? c['groups'];
  const roleText = Array.isArray(role) ? role.slice(0, 8).map(part).join(',') : part(role);
  return `sub ${part(c['sub']) || '?'}${roleText !== '' ? `, role ${roleText}` : ''}`;
}

/**
 * The login a token in web storage or a header shows, first seen at `seenAt`: timed by its `iat` when that is a
 * plausible time (not after it was seen), else by `seenAt`. `identity` says which user it names, so the token
 * refreshed for the same user is not another login. Undefined for a token that is not a JWT with claims.
 */
export function tokenLoginSignal(
  token: FoundToken,
  seenAt: number,
): { identity: string; signal: LoginSignal } | undefined {
  const decoded = decodeJwt(token.token);
  const who = identityOf(decoded);
  if (who === undefined || decoded.kind !== 'jws') return undefined;
  const iat = decoded.times.iat?.seconds;
  const issued = iat !== undefined && iat * 1000 <= seenAt ? iat * 1000 : undefined;
  const where = `${token.location === 'header' ? 'header' : token.location} ${token.name}`;
  return {
    identity: who,
    signal: {
      time: issued ?? seenAt,
      what: `a JWT (${who}) appeared in ${where}`,
      graceMs: issued !== undefined ? ISSUED_AT_GRACE_MS : FIRST_SEEN_GRACE_MS,
    },
  };
}

/** How far apart the browser's event for a write and SessionScope's own entry for it may be logged. */
export const OWN_WRITE_ECHO_MS = 2_000;

/**
 * The logins the cookie log shows: a JWT cookie that appears (none stood under its name before, or it had been
 * removed other than by an overwrite), or whose subject or role changes. A token SessionScope wrote itself is none:
 * its own entries, and the browser's event for a user's write (an `edited` entry of the same cookie and value
 * logged within OWN_WRITE_ECHO_MS of it). Linear in the entries.
 */
export function cookieLoginSignals(entries: readonly ChangeLogEntry[]): LoginSignal[] {
  const current = new Map<string, string | undefined>();
  const edits = new Map<string, number[]>();
  for (const e of entries) {
    if (e.cause !== 'edited' || e.removed) continue;
    const k = `${cookieKey(e.cookie)}\n${e.cookie.value}`;
    const times = edits.get(k) ?? [];
    // Bounded, so that the look-up below stays linear in the entries however often one value was written.
    if (times.length < 64) times.push(e.time);
    edits.set(k, times);
  }
  const userWrote = (e: ChangeLogEntry) =>
    (edits.get(`${cookieKey(e.cookie)}\n${e.cookie.value}`) ?? []).some(
      (t) => Math.abs(t - e.time) <= OWN_WRITE_ECHO_MS,
    );
  const out: LoginSignal[] = [];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const key = cookieKey(e.cookie);
    // An overwrite is reported as a removal (cause `overwrite`) then a set: the token stood all along, so the same
    // token written again (a cookie saved unchanged in the editor, a server re-sending it) is no login.
    if (e.removed) {
      if (e.cause !== 'overwrite') current.set(key, undefined);
      continue;
    }
    const who = tokenIdentity(e.cookie.value);
    const before = current.get(key);
    current.set(key, who);
    if (who === undefined || who === before || GUARD_CAUSES.has(e.cause) || userWrote(e)) continue;
    const what =
      before === undefined
        ? `a JWT (${who}) appeared in cookie ${e.cookie.name}`
        : `the JWT in cookie ${e.cookie.name} changed from ${before} to ${who}`;
    out.push({ time: e.time, what, seq: e.seq, graceMs: COOKIE_SIGNAL_GRACE_MS });
  }
  return out;
}

interface Held {
  value: string;
  seq: number;
  time: number;
}

/**
 * The session ids that kept their value across a login (OWASP WSTG-SESS-03), from the change log: for each
 * login signal, every session-identifying cookie (`isSessionId`) that held a value from before the login (less
 * its grace) and still holds it at the end of the log, never removed in between. One finding per cookie, at the
 * first such login. A cookie the log never saw set is left alone: the log cannot say when it got its value.
 * Linear in the entries times the signals.
 */
export function loginsWithoutRotation(
  entries: readonly ChangeLogEntry[],
  logins: readonly LoginSignal[],
  isSessionId: (cookie: CookieRecord) => boolean,
): NotRotated[] {
  // Each session id's values in order: a removal other than an overwrite ends a value (undefined).
  const history = new Map<string, { cookie: CookieRecord; values: (Held | undefined)[] }>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (!isSessionId(e.cookie)) continue;
    const key = cookieKey(e.cookie);
    const h = history.get(key) ?? { cookie: e.cookie, values: [] };
    history.set(key, h);
    h.cookie = e.cookie;
    // An overwrite is reported as a removal (cause `overwrite`) then a set: it ends no value. A set that gives the
    // value the cookie already holds (a login that re-sends the same id) keeps the entry that first gave it.
    if (e.removed) {
      if (e.cause !== 'overwrite') h.values.push(undefined);
    } else if (e.cookie.value !== '' && h.values[h.values.length - 1]?.value !== e.cookie.value) {
      h.values.push({ value: e.cookie.value, seq: e.seq, time: e.time });
    }
  }
  const out: NotRotated[] = [];
  const byTime = [...logins].sort((a, b) => a.time - b.time);
  for (const [key, { cookie, values }] of history) {
    const last = values[values.length - 1];
    // Still stored now, and with the value it got at `last`: did a login happen after that value was set?
    if (last === undefined) continue;
    // A JWT session cookie whose own subject changed got a new value at the login: its value is set at that seq.
    const login = byTime.find((l) => l.time - l.graceMs > last.time && (l.seq === undefined || l.seq > last.seq));
    if (!login) continue;
    const detail = `${cookie.name} kept the value it was given before the login (${login.what})`;
    out.push({
      finding: toFinding(sessionNotRotated, { severity: sessionNotRotated.severities[0], detail }, { cookieKey: key }),
      setSeq: last.seq,
      login,
    });
  }
  return out;
}
