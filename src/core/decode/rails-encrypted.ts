import { base64ToBytes, bytesToUtf8, type Bytes } from './bytes';
import type { DecodedValue } from './decoded-value';
import { B64, parseRailsSigned, type RailsSignedParts } from './rails-signed';
import { urlDecode } from './url-decode';

export interface RailsGcmParts {
  ciphertext: Bytes;
  iv: Bytes;
  tag: Bytes;
}

/** ActiveSupport::MessageEncryptor's AES-256-GCM message: `base64(ct)--base64(iv)--base64(tag)`, URL-encoded. */
export function parseRailsGcm(value: string): RailsGcmParts | null {
  const decoded = urlDecode(value);
  // Split limits: one part more than the shape already rules the value out, however many dashes follow.
  const parts = decoded?.split('--', 4);
  if (parts?.length !== 3 || !parts.every((p) => B64.test(p))) return null;
  const ciphertext = base64ToBytes(parts[0]!);
  const iv = base64ToBytes(parts[1]!);
  const tag = base64ToBytes(parts[2]!);
  if (!ciphertext || iv?.length !== 12 || tag?.length !== 16) return null;
  return { ciphertext, iv, tag };
}

export interface RailsCbcParts {
  /** The HMAC-signed data and its digest, as in a signed cookie. */
  signed: RailsSignedParts;
  ciphertext: Bytes;
  iv: Bytes;
}

/** The AES-256-CBC messages before Rails 5.2: a signed message whose data is `base64(ct)--base64(iv)`. */
export function parseRailsCbc(value: string): RailsCbcParts | null {
  const signed = parseRailsSigned(value);
  const inner = signed ? bytesToUtf8(base64ToBytes(signed.data)!) : null;
  const parts = inner?.split('--', 3);
  if (!signed || parts?.length !== 2 || !parts.every((p) => B64.test(p))) return null;
  const ciphertext = base64ToBytes(parts[0]!);
  const iv = base64ToBytes(parts[1]!);
  if (!ciphertext || iv?.length !== 16) return null;
  return { signed, ciphertext, iv };
}

/**
 * Rails ≥ 5.2 AES-256-GCM cookies (`ct--iv--tag`), and the older AES-CBC ones, whose HMAC-signed data is
 * itself `base64(ct)--base64(iv)`.
 */
export function decodeRailsEncrypted(value: string): DecodedValue | null {
  const label = 'Rails encrypted cookie';
  const note = 'encrypted, needs secret_key_base';
  const gcm = parseRailsGcm(value);
  if (gcm) {
    const n = gcm.ciphertext.length;
    return {
      format: 'rails-encrypted',
      label: `${label} (AES-256-GCM)`,
      hmacSigned: false,
      clientReadable: false,
      data: { ciphertextBytes: n },
      layers: [{ kind: 'format', label: 'ciphertext -- iv -- auth tag', output: `${n} bytes of ciphertext` }],
      notes: [note],
    };
  }
  const cbc = parseRailsCbc(value);
  if (!cbc) return null;
  return {
    format: 'rails-encrypted',
    label: `${label} (AES-256-CBC, Rails < 5.2)`,
    hmacSigned: false,
    clientReadable: false,
    layers: [{ kind: 'format', label: 'base64(ciphertext -- iv) -- HMAC', output: cbc.signed.data }],
    notes: [note],
  };
}
