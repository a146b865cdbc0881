import type { DecodedJwe, DecodedJws } from './jwt-types';

/** Every format SessionScope recognises (docs/formats.md). */
export type FormatId =
  | 'jwt'
  | 'jwe'
  | 'express-session'
  | 'cookie-session'
  | 'flask'
  | 'django-signed'
  | 'rails-signed'
  | 'rails-encrypted'
  | 'laravel'
  | 'aspnet-core'
  | 'php-session'
  | 'java-session'
  | 'aspnet-session'
  | 'django-db-session'
  | 'generic';

/** One step of the decoding chain, shown to the user in order. */
export interface DecodeLayer {
  kind: 'url' | 'base64' | 'base64url' | 'json' | 'zlib' | 'jwt' | 'jwe' | 'format' | 'text';
  /** Short human label: "URL-decoded", "base64url → JSON", "Flask payload (zlib)". */
  label: string;
  /** The layer's output as text (may be cut for display; never HTML). */
  output: string;
}

export interface DecodedValue {
  /** `null` when nothing was recognised: an opaque or plain value. */
  format: FormatId | null;
  /** Human name of the format, e.g. "Flask session (itsdangerous)". */
  label: string;
  /** An HMAC-signed format whose secret could be guessed (weak-secret check applies). */
  hmacSigned: boolean;
  /** A client-side session anyone holding the cookie can read (cookie-session, Flask, Django, Rails signed). */
  clientReadable: boolean;
  /** The readable data: session JSON, envelope, claims. */
  data?: unknown;
  /** A JWT/JWE at the top level or found inside the chain. */
  jwt?: DecodedJws | DecodedJwe;
  /** Seconds since the epoch when the format carries an issue time (Flask, Django). */
  issuedAt?: number;
  /** Estimated entropy in bits, for opaque identifiers. */
  entropyBits?: number;
  layers: DecodeLayer[];
  /** Facts to show: "encrypted, needs secret_key_base", "Ruby Marshal payload". */
  notes: string[];
  /** A clear message when decoding stopped (size bound, malformed compressed data). */
  error?: string;
}

export function opaque(notes: string[] = []): DecodedValue {
  return { format: null, label: 'Opaque value', hmacSigned: false, clientReadable: false, layers: [], notes };
}
