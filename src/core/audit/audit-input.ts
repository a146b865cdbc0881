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

/** A JWT found outside the cookie jar: in web storage or an Authorization header. */
export interface FoundToken extends SignatureInputs {
  location: Exclude<TokenLocation, 'cookie'>;
  /** The storage key or header name, shown with the finding. */
  name: string;
  /** The compact token. */
  token: string;
}

export interface AuditInput {
  pageUrl: string;
  cookies: readonly AuditedCookie[];
  nowMs: number;
  /** Tokens found in web storage or headers of the same page; they count towards the grade. */
  tokens?: readonly FoundToken[];
  /**
   * Findings on the session's behaviour across a login or logout (core/session), made outside this run
   * because they need two snapshots or a replayed request; they count towards the grade like any other.
   */
  behaviour?: readonly Finding[];
}
