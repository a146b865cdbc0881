import type { CookieRecord } from '../cookie/cookie-record';
import { opaque, type DecodedValue } from './decoded-value';
import { decodeJwt } from './jwt';

/**
 * Decodes one cookie's value. `jar` holds the other cookies of the same site, for formats that pair
 * cookies (cookie-session's `name` + `name.sig`). Never throws; never rejects.
 */
export async function decodeCookieValue(
  cookie: CookieRecord,
  _jar: readonly CookieRecord[] = [],
): Promise<DecodedValue> {
  const jwt = decodeJwt(cookie.value);
  if (jwt.kind === 'jws') {
    return {
      format: 'jwt',
      label: 'JSON Web Token',
      hmacSigned: /^HS(256|384|512)$/.test(jwt.alg ?? ''),
      clientReadable: true,
      data: jwt.claims ?? undefined,
      jwt,
      layers: [{ kind: 'jwt', label: 'JWT', output: JSON.stringify(jwt.claims) }],
      notes: [],
    };
  }
  if (jwt.kind === 'jwe') {
    return {
      format: 'jwe',
      label: 'JSON Web Encryption (encrypted)',
      hmacSigned: false,
      clientReadable: false,
      jwt,
      layers: [{ kind: 'jwe', label: 'JWE header', output: JSON.stringify(jwt.header) }],
      notes: ['encrypted: only the header is readable without the key'],
    };
  }
  return opaque();
}
