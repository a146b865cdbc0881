import { base64urlToBytes, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { inflate } from './inflate';
import { layerJson, parseJson } from './json';

export interface DjangoSignedParts {
  payload: string;
  compressed: boolean;
  /** Unix seconds, from Django's base62 timestamp. */
  timestamp: number;
  /** What the signature covers: `[.]payload:timestamp`. */
  signingInput: string;
  /** base64url HMAC: 43 characters for SHA-256 (Django ≥ 3.1), 27 for the legacy SHA-1. */
  signature: string;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const PAYLOAD = /^\.?[A-Za-z0-9_-]+$/;

export function base62Decode(s: string): number | null {
  if (s === '' || s.length > 10) return null;
  let n = 0;
  for (const ch of s) {
    const d = BASE62.indexOf(ch);
    if (d < 0) return null;
    n = n * 62 + d;
  }
  return n;
}

/** `django.core.signing.dumps` through a TimestampSigner, as the signed_cookies session backend stores it. */
export function parseDjangoSigned(value: string): DjangoSignedParts | null {
  // Four parts already rule the value out: the limit keeps a value of colons from becoming thousands of strings.
  const parts = value.split(':', 4);
  if (parts.length !== 3) return null;
  const [payload, ts, signature] = parts as [string, string, string];
  if (!PAYLOAD.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return null;
  if (signature.length !== 43 && signature.length !== 27) return null;
  const timestamp = base62Decode(ts);
  if (timestamp === null) return null;
  const compressed = payload.startsWith('.');
  return {
    payload: compressed ? payload.slice(1) : payload,
    compressed,
    timestamp,
    signingInput: `${payload}:${ts}`,
    signature,
  };
}

export async function decodeDjangoSigned(value: string): Promise<DecodedValue | null> {
  const parts = parseDjangoSigned(value);
  if (!parts) return null;
  const raw = base64urlToBytes(parts.payload);
  if (!raw) return null;
  const base: DecodedValue = {
    format: 'django-signed',
    label: 'Django signed-cookie session',
    hmacSigned: true,
    clientReadable: true,
    issuedAt: parts.timestamp,
    layers: [],
    notes: ['the whole session lives in the cookie: anyone holding it can read it'],
  };
  let bytes = raw;
  if (parts.compressed) {
    const inflated = await inflate(raw);
    if (!inflated.ok) {
      return {
        ...base,
        layers: [{ kind: 'base64url', label: 'Django payload (zlib)', output: parts.payload }],
        error: inflated.error,
      };
    }
    bytes = inflated.bytes;
  }
  const text = bytesToUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  if (json === undefined) return null;
  base.layers.push({
    kind: parts.compressed ? 'zlib' : 'base64url',
    label: parts.compressed ? 'Django payload (base64url, zlib) → JSON' : 'Django payload (base64url) → JSON',
    output: layerJson(json),
  });
  return { ...base, data: json };
}
