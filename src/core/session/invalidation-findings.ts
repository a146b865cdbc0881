import type { CookieRecord } from '../cookie/cookie-record';
import type { Finding } from '../audit/finding';
import { sessionNotInvalidated } from '../audit/rules/session-behaviour';
import { toFinding } from '../audit/to-finding';
import { sessionCookies } from './session-cookies';

/** A request made after the logout with the cookies from before it, and whether its answer was logged in. */
export interface ReplayOutcome {
  /** The page that tells a logged-in answer from a logged-out one. */
  url: string;
  /** The cookies sent: the session from before the logout. */
  replayed: readonly CookieRecord[];
  loggedIn: boolean;
}

const MAX_URL_CHARS = 200;

/**
 * `session-not-invalidated` for each session-identifying cookie that was replayed, when the replay was still
 * logged in (OWASP WSTG-SESS-06); nothing when it was logged out. A logged-in replay without any cookie that
 * looks like a session id still is a finding, about the site rather than one cookie.
 */
export async function invalidationFindings(outcome: ReplayOutcome): Promise<Finding[]> {
  if (!outcome.loggedIn) return [];
  const url = outcome.url.length > MAX_URL_CHARS ? `${outcome.url.slice(0, MAX_URL_CHARS)}…` : outcome.url;
  const hit = (name: string) => ({
    severity: sessionNotInvalidated.severities[0],
    detail: `${url} still answered logged in to ${name} from before the logout`,
  });
  const sessions = [...(await sessionCookies(outcome.replayed)).values()];
  if (sessions.length === 0) return [toFinding(sessionNotInvalidated, hit('the cookies'))];
  return sessions.map((s) => toFinding(sessionNotInvalidated, hit(s.cookie.name), { cookieKey: s.key }));
}
