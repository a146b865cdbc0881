import type { AuditedCookie } from '../../../src/core/audit/audit-input';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { opaque, type DecodedValue } from '../../../src/core/decode/decoded-value';
import { decodeJwt } from '../../../src/core/decode/jwt';
import { detectSession } from '../../../src/core/detect/session';
import { makeCookie } from '../../fakes/make-cookie';

/** A fixed clock for every audit test: 2026-01-01T00:00:00Z. */
export const NOW = Date.UTC(2026, 0, 1);
export const DAY = 24 * 3600_000;

export { makeCookie };

export function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

export function makeJwt(header: Record<string, unknown>, claims: Record<string, unknown>, signature = 'c2ln'): string {
  return `${b64url(header)}.${b64url(claims)}.${signature}`;
}

/** What the decoder says about a value, as far as the audit needs it: a JWT/JWE when it is one, else opaque. */
export function decodedFor(value: string): DecodedValue {
  const jwt = decodeJwt(value);
  if (jwt.kind === 'jws') {
    return { ...opaque(), format: 'jwt', label: 'JSON Web Token', clientReadable: true, jwt, data: jwt.claims };
  }
  if (jwt.kind === 'jwe') return { ...opaque(), format: 'jwe', label: 'JWE', jwt };
  return opaque();
}

/** A cookie ready for the audit: decoded and session-detected the way analyzeSite does it. */
export function audited(
  over: Partial<CookieRecord> = {},
  extra: Partial<Omit<AuditedCookie, 'cookie'>> = {},
): AuditedCookie {
  const cookie = makeCookie(over);
  const decoded = extra.decoded ?? decodedFor(cookie.value);
  return { cookie, key: cookieKey(cookie), decoded, sessionReason: detectSession(cookie, decoded), ...extra };
}
