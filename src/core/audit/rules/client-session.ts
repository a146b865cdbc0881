import { findSensitiveKeys } from '../sensitive-keys';
import type { CookieRule, TokenRule } from '../rule';
import { SOURCE_URL } from '../sources';

function isReadableSession(format: string | null, clientReadable: boolean): boolean {
  // JWTs are readable too, but the token rules cover them; this rule is about framework client-side sessions.
  return clientReadable && format !== 'jwt' && format !== 'jwe';
}

function listKeys(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

export const clientSessionReadable: CookieRule = {
  id: 'client-session-readable',
  severities: ['info'],
  explanation:
    'The session data is stored in the cookie itself, signed but not encrypted, so anyone holding the cookie can read it.',
  fix: 'Keep secrets and personal data out of client-side sessions.',
  source: 'docs/formats.md, client-side sessions',
  check: (c) =>
    isReadableSession(c.decoded.format, c.decoded.clientReadable)
      ? { severity: 'info', detail: c.decoded.label }
      : null,
};

/** One rule, checked on two inputs (a readable client session, a JWT's claims): the same id and text for both. */
const SENSITIVE = {
  id: 'client-session-sensitive',
  severities: ['medium'],
  explanation:
    'Readable session data or token claims hold what looks like personal or secret data, visible to anyone who holds the cookie or token.',
  fix: 'Move that data server-side and keep only an id in the cookie or token.',
  source: 'OWASP JWT cheat sheet "Token Information Disclosure"',
  sourceUrl: SOURCE_URL.owaspJwt,
} as const;

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
