import { base64ToBytes, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { isJsonObject, layerJson, parseJson } from './json';
import { urlDecode } from './url-decode';

export interface LaravelParts {
  iv: string;
  value: string;
  mac: string;
  tag: string;
}

/** Laravel's Encrypter payload: base64 of JSON `{iv, value, mac, tag}`, URL-encoded in the cookie. */
export function parseLaravel(value: string): LaravelParts | null {
  const decoded = urlDecode(value);
  if (decoded === null || !decoded.startsWith('eyJ')) return null;
  const bytes = base64ToBytes(decoded);
  const json = bytes ? parseJson(bytesToUtf8(bytes) ?? '') : undefined;
  if (!isJsonObject(json)) return null;
  const { iv, value: v, mac, tag } = json;
  if (typeof iv !== 'string' || typeof v !== 'string' || typeof mac !== 'string') return null;
  return { iv, value: v, mac, tag: typeof tag === 'string' ? tag : '' };
}

export function decodeLaravel(value: string): DecodedValue | null {
  const parts = parseLaravel(value);
  if (!parts) return null;
  const gcm = parts.tag !== '';
  return {
    format: 'laravel',
    label: `Laravel encrypted cookie (${gcm ? 'AES-GCM' : 'AES-256-CBC'})`,
    // The CBC payload's MAC is HMAC-SHA256 with APP_KEY itself, so a default key can be found from it.
    hmacSigned: !gcm && /^[0-9a-f]{64}$/.test(parts.mac),
    clientReadable: false,
    data: { iv: parts.iv, mac: parts.mac, tag: parts.tag, valueLength: parts.value.length },
    layers: [{ kind: 'base64', label: 'URL → base64 → JSON', output: layerJson(parts) }],
    notes: ['encrypted, needs APP_KEY; only the structure is readable'],
  };
}
