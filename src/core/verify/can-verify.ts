import type { CookieView } from '../analyze-site';

/**
 * Whether a secret or key could check this cookie's signature: HMAC-signed formats, JWS tokens of any
 * algorithm (RS/PS/ES/EdDSA take a public key), and cookie-session's `.sig` cookie, which verifies through
 * the cookie it signs.
 */
export function canVerify(view: Pick<CookieView, 'cookie' | 'decoded'>): boolean {
  const d = view.decoded;
  return d.hmacSigned || d.format === 'jwt' || view.cookie.name.endsWith('.sig');
}
