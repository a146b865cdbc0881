import { SignJWT } from 'jose';

/**
 * The one set of JWT builders of the tests. Tokens that a real framework must have issued come from
 * test/fixtures/generated instead; these are for tests about what a token says (header, claims, signature).
 */

export type JwtHeader = Record<string, unknown>;
export type JwtClaims = Record<string, unknown>;

export const HS256_HEADER: JwtHeader = { alg: 'HS256', typ: 'JWT' };

/** base64url without padding (RFC 4648 §5) of bytes, or of a string's UTF-8. */
export function base64url(data: string | Uint8Array): string {
  return Buffer.from(data).toString('base64url');
}

/** A JWT segment: base64url of a value's JSON (RFC 7515 §7.1). */
export function jsonSegment(value: unknown): string {
  return base64url(JSON.stringify(value));
}

export interface JwtParts {
  /** Defaults to `HS256_HEADER`. */
  header?: JwtHeader;
  /**
   * The third segment as it is, or made from the signing input (`header.claims`). Defaults to a junk signature
   * that nothing verifies.
   */
  signature?: string | ((signingInput: string) => string);
}

/** A compact JWS (RFC 7515 §7.1) with the given header and claims, for code that reads them. */
export function makeJwt(claims: JwtClaims, { header = HS256_HEADER, signature = 'c2ln' }: JwtParts = {}): string {
  const input = `${jsonSegment(header)}.${jsonSegment(claims)}`;
  return `${input}.${typeof signature === 'string' ? signature : signature(input)}`;
}

/** An unsecured JWT (RFC 7519 §6.1): `alg: none` (plus `header`) and an empty signature. */
export function unsecuredJwt(claims: JwtClaims, header: JwtHeader = {}): string {
  return makeJwt(claims, { header: { alg: 'none', ...header }, signature: '' });
}

/** A JWT really signed with HS256 and `secret`, by jose (which refuses an empty secret). */
export function signJwt(claims: JwtClaims, secret: string, header: JwtHeader = HS256_HEADER): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ ...header, alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}
