import { base64ToBytes, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { B64, parseRailsSigned } from './rails-signed';
import { urlDecode } from './url-decode';

/**
 * Rails ≥ 5.2 AES-256-GCM cookies (`ct--iv--tag`), and the older AES-CBC ones, whose HMAC-signed data is
 * itself `base64(ct)--base64(iv)`.
 */
export function decodeRailsEncrypted(value: string): DecodedValue | null {
  const decoded = urlDecode(value);
  if (decoded === null) return null;
  // Split limits: one part more than the shape already rules the value out, however many dashes follow.
  const parts = decoded.split('--', 4);
  const label = 'Rails encrypted cookie';
  const note = 'encrypted, needs secret_key_base';
  if (parts.length === 3 && parts.every((p) => B64.test(p))) {
    const iv = base64ToBytes(parts[1]!);
    const tag = base64ToBytes(parts[2]!);
    const ct = base64ToBytes(parts[0]!);
    if (!ct || iv?.length !== 12 || tag?.length !== 16) return null;
    return {
      format: 'rails-encrypted',
      label: `${label} (AES-256-GCM)`,
      hmacSigned: false,
      clientReadable: false,
      data: { ciphertextBytes: ct.length },
      layers: [{ kind: 'format', label: 'ciphertext -- iv -- auth tag', output: `${ct.length} bytes of ciphertext` }],
      notes: [note],
    };
  }
  const signed = parseRailsSigned(value);
  if (!signed) return null;
  const inner = bytesToUtf8(base64ToBytes(signed.data)!);
  const cbc = inner?.split('--', 3);
  if (cbc?.length !== 2 || !cbc.every((p) => B64.test(p)) || base64ToBytes(cbc[1]!)?.length !== 16) return null;
  return {
    format: 'rails-encrypted',
    label: `${label} (AES-256-CBC, Rails < 5.2)`,
    hmacSigned: false,
    clientReadable: false,
    layers: [{ kind: 'format', label: 'base64(ciphertext -- iv) -- HMAC', output: signed.data }],
    notes: [note],
  };
}
