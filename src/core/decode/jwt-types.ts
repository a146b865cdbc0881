/**
 * The result of reading a compact JWS/JWT or JWE without a key. Decoders never throw: anything that is not
 * a well-formed token is `{ kind: 'not-jwt', reason }`.
 */
export type JsonObject = { [key: string]: unknown };

export interface ClaimTime {
  /** The claim's raw value in seconds since the epoch. */
  seconds: number;
  /** ISO 8601 in UTC, e.g. `2011-03-22T18:43:00.000Z`. */
  iso: string;
}

export interface DecodedJws {
  kind: 'jws';
  /** The three compact parts as given. */
  raw: { header: string; payload: string; signature: string };
  header: JsonObject;
  /** Claims when the payload is a JSON object; `null` when it is not JSON (a JWS over other content). */
  claims: JsonObject | null;
  alg: string | undefined;
  /** Empty signature part (RFC 7515 A.5, alg none). */
  unsigned: boolean;
  times: { exp?: ClaimTime; iat?: ClaimTime; nbf?: ClaimTime };
}

export interface DecodedJwe {
  kind: 'jwe';
  header: JsonObject;
  alg: string | undefined;
  enc: string | undefined;
}

export interface NotJwt {
  kind: 'not-jwt';
  reason: string;
}

export type JwtDecodeResult = DecodedJws | DecodedJwe | NotJwt;
