import { base64ToBytes, base64urlToBytes, bytesToBase64, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { inflate } from './inflate';
import { isJsonObject, layerJson, parseJson, setOwn } from './json';

export interface FlaskParts {
  /** The base64url payload without the compression dot. */
  payload: string;
  compressed: boolean;
  /** Issue time in Unix seconds (itsdangerous ≥ 1.0 counts from the Unix epoch). */
  timestamp: number;
  /** The bytes the signature covers: everything before the last dot (`[.]payload.timestamp`). */
  signingInput: string;
  /** base64url of HMAC-SHA1(derived key, signingInput). */
  signature: string;
}

const PART = /^[A-Za-z0-9_-]+$/;

/** itsdangerous' URLSafeTimedSerializer layout, as Flask's default session interface uses it. */
export function parseFlask(value: string): FlaskParts | null {
  const compressed = value.startsWith('.');
  // Four parts already rule the value out: the limit keeps a value of dots from becoming thousands of strings.
  const parts = (compressed ? value.slice(1) : value).split('.', 4);
  if (parts.length !== 3) return null;
  const [payload, ts, signature] = parts as [string, string, string];
  if (!PART.test(payload) || !PART.test(ts) || !PART.test(signature)) return null;
  // A timestamp is a few big-endian bytes; a signature at least SHA-1's 20 bytes (27 characters).
  if (ts.length > 11 || signature.length < 27) return null;
  const tsBytes = base64urlToBytes(ts);
  const sigBytes = base64urlToBytes(signature);
  if (!tsBytes || tsBytes.length === 0 || !sigBytes) return null;
  let timestamp = 0;
  for (const b of tsBytes) timestamp = timestamp * 256 + b;
  return { payload, compressed, timestamp, signingInput: value.slice(0, value.lastIndexOf('.')), signature };
}

const TAGS = new Set([' t', ' b', ' m', ' u', ' d', ' di']);

/**
 * Flask's TaggedJSONSerializer wraps non-JSON types in one-key objects (`{" t": [...]}` for a tuple,
 * `{" b": base64}` for bytes, …); unwrap them so the session reads as it does in Python.
 */
export function untagFlask(v: unknown, depth = 0): unknown {
  if (depth > 64) return v;
  if (Array.isArray(v)) return v.map((x) => untagFlask(x, depth + 1));
  if (!isJsonObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && TAGS.has(keys[0]!)) {
    const tag = keys[0]!;
    const inner = v[tag];
    if (tag === ' di' && isJsonObject(inner)) {
      const k = Object.keys(inner)[0];
      if (k !== undefined && k.endsWith('__')) {
        const out: Record<string, unknown> = {};
        setOwn(out, k.slice(0, -2), untagFlask(inner[k], depth + 1));
        return out;
      }
    }
    if (tag === ' t') return untagFlask(inner, depth + 1);
    if (tag === ' b' && typeof inner === 'string') {
      // TagBytes uses the standard alphabet (b64encode), unlike the payload around it.
      const bytes = base64ToBytes(inner);
      const text = bytes ? bytesToUtf8(bytes) : null;
      return text ?? (bytes ? `base64:${bytesToBase64(bytes)}` : inner);
    }
    if (typeof inner === 'string') return inner;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) setOwn(out, k, untagFlask(v[k], depth + 1));
  return out;
}

export async function decodeFlask(value: string): Promise<DecodedValue | null> {
  const parts = parseFlask(value);
  if (!parts) return null;
  const raw = base64urlToBytes(parts.payload);
  if (!raw) return null;
  const layers: DecodedValue['layers'] = [];
  let bytes = raw;
  if (parts.compressed) {
    const inflated = await inflate(raw);
    if (!inflated.ok) {
      return {
        format: 'flask',
        label: 'Flask session (itsdangerous)',
        hmacSigned: true,
        clientReadable: true,
        issuedAt: parts.timestamp,
        layers: [{ kind: 'base64url', label: 'Flask payload (base64url, zlib)', output: parts.payload }],
        notes: [],
        error: inflated.error,
      };
    }
    bytes = inflated.bytes;
  }
  const text = bytesToUtf8(bytes);
  const json = text === null ? undefined : parseJson(text);
  // Uncompressed, the payload must be JSON for this to be Flask rather than any three dotted parts.
  if (json === undefined) return null;
  layers.push({
    kind: parts.compressed ? 'zlib' : 'base64url',
    label: parts.compressed ? 'Flask payload (base64url, zlib) → JSON' : 'Flask payload (base64url) → JSON',
    output: layerJson(json),
  });
  return {
    format: 'flask',
    label: 'Flask session (itsdangerous)',
    hmacSigned: true,
    clientReadable: true,
    data: untagFlask(json),
    issuedAt: parts.timestamp,
    layers,
    notes: ['the whole session lives in the cookie: anyone holding it can read it'],
  };
}
