import type { CookieView } from '../analyze-site';
import { parseRailsGcm } from '../decode/rails-encrypted';

/**
 * Whether a secret or key could check this cookie's signature: HMAC-signed formats, JWS tokens of any
 * algorithm (RS/PS/ES/EdDSA take a public key), cookie-session's `.sig` cookie, which verifies through
 * the cookie it signs, and the encrypted formats the secret decrypts (Laravel, Rails ≥ 5.2's AES-GCM).
 */
export function canVerify(view: Pick<CookieView, 'cookie' | 'decoded'>): boolean {
  const d = view.decoded;
  if (d.format === 'laravel') return true;
  if (d.format === 'rails-encrypted') return parseRailsGcm(view.cookie.value) !== null;
  return d.hmacSigned || d.format === 'jwt' || view.cookie.name.endsWith('.sig');
}
