import { cookieKey } from '../cookie/cookie-key';
import type { Finding } from '../audit/finding';
import { sessionNotCleared, sessionNotRotated } from '../audit/rules/session-behaviour';
import { sortFindings } from '../audit/sort-findings';
import { toFinding } from '../audit/to-finding';
import type { SessionReason } from '../detect/session';
import { sessionCookies } from './session-cookies';
import type { SessionSnapshot } from './session-snapshot';

/** What happened between the two snapshots. */
export type SessionEvent = 'login' | 'logout';

/**
 * What became of one session-identifying cookie: `kept` (same value), `changed` (a new value), `removed` (gone
 * or emptied), `added` (new in the second snapshot).
 */
export type SessionCookieFate = 'kept' | 'changed' | 'removed' | 'added';

export interface SessionCookieChange {
  key: string;
  name: string;
  fate: SessionCookieFate;
  reason: SessionReason;
}

export interface SessionComparison {
  event: SessionEvent;
  /** Every session-identifying cookie of either snapshot, in the order of the first, then the new ones. */
  changes: SessionCookieChange[];
  /** `session-not-rotated` after a login, `session-not-cleared` after a logout; worst first. */
  findings: Finding[];
}

/**
 * Compares the session before and after a login or a logout (OWASP WSTG-SESS-03 and -06). After a login every
 * session id from before must be gone or replaced; after a logout no session id from before may still be stored
 * with its value. A new value after a logout (a fresh anonymous session) is no finding: the old id is what a
 * thief would hold. Pure and browser-free; whether the old id still works on the server is a replay (see
 * invalidationFindings).
 */
export async function compareSessions(
  before: SessionSnapshot,
  after: SessionSnapshot,
  event: SessionEvent,
): Promise<SessionComparison> {
  const was = await sessionCookies(before.cookies);
  const now = await sessionCookies(after.cookies);
  const afterByKey = new Map(after.cookies.map((c) => [cookieKey(c), c] as const));
  const changes: SessionCookieChange[] = [];
  const findings: Finding[] = [];
  for (const old of was.values()) {
    if (old.cookie.value === '') continue;
    const later = afterByKey.get(old.key);
    const fate: SessionCookieFate =
      later === undefined || later.value === '' ? 'removed' : later.value === old.cookie.value ? 'kept' : 'changed';
    changes.push({ key: old.key, name: old.cookie.name, fate, reason: old.reason });
    if (fate !== 'kept') continue;
    const rule = event === 'login' ? sessionNotRotated : sessionNotCleared;
    const detail =
      event === 'login'
        ? `${old.cookie.name} has the same value before and after the login`
        : `${old.cookie.name} still holds the value it had before the logout`;
    findings.push(toFinding(rule, { severity: rule.severities[0], detail }, { cookieKey: old.key }));
  }
  for (const fresh of now.values()) {
    if (!was.has(fresh.key) && fresh.cookie.value !== '') {
      changes.push({ key: fresh.key, name: fresh.cookie.name, fate: 'added', reason: fresh.reason });
    }
  }
  return { event, changes, findings: sortFindings(findings) };
}
