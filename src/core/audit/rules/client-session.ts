import { findSensitiveKeys } from '../sensitive-keys';
import type { CookieRule, TokenRule } from '../rule';
import { ruleInfo } from '../rule-info';

function isReadableSession(format: string | null, clientReadable: boolean): boolean {
  // JWTs are readable too, but the token rules cover them; this rule is about framework client-side sessions.
  return clientReadable && format !== 'jwt' && format !== 'jwe';
}

function listKeys(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

export const clientSessionReadable: CookieRule = {
  ...ruleInfo('client-session-readable'),
  check: (c) =>
    isReadableSession(c.decoded.format, c.decoded.clientReadable)
      ? { severity: 'info', detail: c.decoded.label }
      : null,
};

/** One rule, checked on two inputs (a readable client session, a JWT's claims): the same id and text for both. */
const SENSITIVE = ruleInfo('client-session-sensitive');

export const clientSessionSensitive: CookieRule = {
  ...SENSITIVE,
  check: (c) => {
    if (!isReadableSession(c.decoded.format, c.decoded.clientReadable)) return null;
    const keys = findSensitiveKeys(c.decoded.data);
    return keys.length > 0 ? { severity: 'medium', detail: `sensitive keys: ${listKeys(keys)}` } : null;
  },
};

/** The same rule on a JWT's claims, wherever the token was found. */
export const tokenClaimsSensitive: TokenRule = {
  ...SENSITIVE,
  check: (t) => {
    if (t.kind !== 'jws' || t.claims === null) return null;
    const keys = findSensitiveKeys(t.claims);
    return keys.length > 0 ? { severity: 'medium', detail: `sensitive claims: ${listKeys(keys)}` } : null;
  },
};
