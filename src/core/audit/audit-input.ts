import type { CookieRecord } from '../cookie/cookie-record';
import type { DecodedValue } from '../decode/decoded-value';
import type { SessionReason } from '../detect/session';
import type { Finding } from './finding';

/** Where a token was found: its exposure to page scripts depends on it. */
export type TokenLocation = 'cookie' | 'localStorage' | 'sessionStorage' | 'header';

/**
 * The outcome of checking a signature with a secret or key the user gave. Carries no key material: findings
 * and reports are built from it.
 */
export interface SignatureVerification {
  verified: boolean;
  /** What was checked, e.g. "HS256 with the secret you entered". Never the secret itself. */
  method?: string;
}

/** Signals about a token's signature that the verify layer computes and the audit turns into findings. */
export interface SignatureInputs {
  /** The value verifies with this secret from the built-in dictionary of default and example secrets. */
  weakSecret?: { secret: string };
  verification?: SignatureVerification;
}

export interface AuditedCookie extends SignatureInputs {
  cookie: CookieRecord;
  key: string;
  decoded: DecodedValue;
  sessionReason: SessionReason | null;
}

/** What a token found outside the jar is: only JWTs and JWEs have findings of the token rules. */
export type FoundTokenKind = 'jwt' | 'jwe' | 'opaque';

/** A token found outside the cookie jar: in web storage or a request header. */
export interface FoundToken extends SignatureInputs {
  location: Exclude<TokenLocation, 'cookie'>;
  /** The storage key or header name, shown with the finding (with the JSON path for a nested token). */
  name: string;
  /** The compact token, or the opaque value. */
  token: string;
  /** Absent in older callers, which only handed over JWTs. */
  kind?: FoundTokenKind;
  /** For a token inside a JSON value: where, e.g. `$.stsTokenManager.accessToken`. */
  path?: string;
  /** The storage key itself (web storage only), so the UI can link to the entry. */
  storageKey?: string;
  /** The origin whose web storage holds it. */
  origin?: string;
  /** The library whose storage layout this is, when recognised, e.g. "Auth0 SPA SDK cache". */
  label?: string;
}

export interface AuditInput {
  pageUrl: string;
  cookies: readonly AuditedCookie[];
  nowMs: number;
  /** Tokens found in web storage or headers of the same page; they count towards the grade. */
  tokens?: readonly FoundToken[];
  /** URLs of the page's requests (network view), for the session-id-in-url rule. */
  requestUrls?: readonly string[];
  /**
   * Findings on the session's behaviour across a login or logout (core/session), made outside this run
   * because they need two snapshots or a replayed request; they count towards the grade like any other.
   */
  behaviour?: readonly Finding[];
}
