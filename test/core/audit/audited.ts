import type { AuditedCookie } from '../../../src/core/audit/audit-input';
import type { CookieRecord } from '../../../src/core/cookie/cookie-record';
import { cookieKey } from '../../../src/core/cookie/cookie-key';
import { opaque, type DecodedValue } from '../../../src/core/decode/decoded-value';
import { decodeJwt } from '../../../src/core/decode/jwt';
import { detectSession } from '../../../src/core/detect/session';
import { makeCookie } from '../../fakes/make-cookie';

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
