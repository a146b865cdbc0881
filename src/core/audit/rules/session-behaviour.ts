import type { RuleInfo } from '../rule';
import { SOURCE_URL } from '../sources';

/*
 * Rules on how a session behaves across a login or a logout. They need two snapshots of the session (or a
 * replayed request), so they are checked by core/session, not on one stored cookie.
 */

export const sessionNotRotated: RuleInfo = {
  id: 'session-not-rotated',
  severities: ['high'],
  explanation:
    'The session id kept its value across the login, so anyone who planted or saw the id before the login (session fixation) owns the logged-in session.',
  fix: 'Issue a new session id at login (for example regenerate the session) and drop the old one.',
  source: 'OWASP WSTG-SESS-03 (session fixation); ZAP 40013',
  sourceUrl: SOURCE_URL.wstgSess03,
};

export const sessionNotCleared: RuleInfo = {
  id: 'session-not-cleared',
  severities: ['medium'],
  explanation:
    'The session cookie is still stored with its old value after the logout, so the next person at this browser, or a script, can still pick it up.',
  fix: 'Expire the session cookie in the logout response (Set-Cookie with Max-Age=0).',
  source: 'OWASP WSTG-SESS-06',
  sourceUrl: SOURCE_URL.wstgSess06,
};

export const sessionNotInvalidated: RuleInfo = {
  id: 'session-not-invalidated',
  severities: ['high'],
  explanation:
    'A request that replays the session cookie from before the logout is still logged in, so the server never ended the session and a stolen cookie keeps working.',
  fix: 'End the session on the server at logout (destroy it in the session store, or revoke the token).',
  source: 'OWASP WSTG-SESS-06; ZAP 40013',
  sourceUrl: SOURCE_URL.wstgSess06,
};
