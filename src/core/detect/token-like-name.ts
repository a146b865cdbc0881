/**
 * Names of storage keys, JSON keys and headers that usually hold a credential. Anti-CSRF tokens are left out:
 * they are meant to be readable by page scripts and identify no session.
 */
const TOKEN_WORDS = /token|jwt|bearer|auth|sess|credential|secret|api[-_]?key|(?:^|[^a-z])sid(?:[^a-z]|$)/i;
const NOT_A_SESSION = /csrf|xsrf/i;

export function isTokenLikeName(name: string): boolean {
  return TOKEN_WORDS.test(name) && !NOT_A_SESSION.test(name);
}
