import type { FoundTokenKind } from '../audit/audit-input';
import { decodeJwt } from '../decode/jwt';
import { estimateEntropyBits } from './entropy';
import { isIdShaped, MIN_SESSION_ID_BITS } from './opaque-id';

/** Longer values are data, not a credential. */
const MAX_TOKEN_CHARS = 16_384;

/**
 * What a string found under a name is as a credential: a JWT/JWE (anywhere), or an opaque high-entropy id
 * (only under a token-like name, since random ids are everywhere). `Bearer ` and JSON string quotes are removed.
 */
export function classifyToken(raw: string, tokenLikeName: boolean): { kind: FoundTokenKind; token: string } | null {
  if (raw.length > MAX_TOKEN_CHARS) return null;
  let v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
  v = v.replace(/^Bearer\s+/i, '');
  if (v.startsWith('eyJ')) {
    const jwt = decodeJwt(v);
    if (jwt.kind === 'jws') return { kind: 'jwt', token: v };
    if (jwt.kind === 'jwe') return { kind: 'jwe', token: v };
  }
  if (!tokenLikeName || !isIdShaped(v) || estimateEntropyBits(v) < MIN_SESSION_ID_BITS) return null;
  return { kind: 'opaque', token: v };
}
