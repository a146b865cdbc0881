import type { DecodeLayer, DecodedValue } from './decoded-value';
import type { DecodedJwe, DecodedJws } from './jwt-types';
import { decodeJwt } from './jwt';
import { layerJson } from './json';

export const HMAC_JWT_ALGS: ReadonlySet<string> = new Set(['HS256', 'HS384', 'HS512']);

/** A JWS or JWE as a DecodedValue, or `null` when the value is not a compact token. */
export function decodeJwtValue(value: string): DecodedValue | null {
  const jwt = decodeJwt(value);
  if (jwt.kind === 'jws') {
    const notes: string[] = [];
    if (jwt.unsigned || (jwt.alg ?? '').toLowerCase() === 'none') notes.push('unsigned token (alg none)');
    if (jwt.claims === null) notes.push('the payload is not a JSON object');
    return {
      format: 'jwt',
      label: 'JSON Web Token',
      hmacSigned: HMAC_JWT_ALGS.has(jwt.alg ?? '') && !jwt.unsigned,
      clientReadable: true,
      data: jwt.claims ?? undefined,
      jwt,
      layers: [
        { kind: 'jwt', label: 'JWT header', output: layerJson(jwt.header) },
        { kind: 'jwt', label: 'JWT claims', output: layerJson(jwt.claims) },
      ],
      notes,
    };
  }
  if (jwt.kind === 'jwe') {
    return {
      format: 'jwe',
      label: 'JSON Web Encryption (encrypted)',
      hmacSigned: false,
      clientReadable: false,
      jwt,
      layers: [{ kind: 'jwe', label: 'JWE header', output: layerJson(jwt.header) }],
      notes: ['encrypted: only the header is readable without the key'],
    };
  }
  return null;
}

/** The layer that shows a token found inside other data: its claims, or a JWE's header. */
export function tokenLayer(jwt: DecodedJws | DecodedJwe, label: string): DecodeLayer {
  return jwt.kind === 'jws'
    ? { kind: 'jwt', label, output: layerJson(jwt.claims) }
    : { kind: 'jwe', label, output: layerJson(jwt.header) };
}
