import { base64ToBytes, base64urlToBytes, bytesToBase64, bytesToUtf8 } from './bytes';
import type { DecodedValue } from './decoded-value';
import { isJsonObject, setOwn } from './json';
import { decodeSignedSession, type SignedPayloadParts, type SignedSession } from './signed-payload';

const PART = /^[A-Za-z0-9_-]+$/;

/** itsdangerous' URLSafeTimedSerializer layout, as Flask's default session interface uses it. */
export function parseFlask(value: string): SignedPayloadParts | null {
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
 * `{" b": base64}` for bytes, …); unwrap them so the session reads as it does in Python. Copies only what holds
 * a tag: an array or object with none inside is returned as it is, so a wide payload is not copied again.
 */
export function untagFlask(v: unknown, depth = 0): unknown {
  if (depth > 64) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      // Only an array or object can hold a tag: a wide array of strings costs no call per element.
      if (typeof item !== 'object' || item === null) continue;
      const x = untagFlask(item, depth + 1);
      if (x !== item) (out ??= [...(v as unknown[])])[i] = x;
    }
    return out ?? v;
  }
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
  let out: Record<string, unknown> | undefined;
  for (const [i, k] of keys.entries()) {
    const x = untagFlask(v[k], depth + 1);
    if (x === v[k] && out === undefined) continue;
    if (out === undefined) {
      out = {};
      for (const before of keys.slice(0, i)) setOwn(out, before, v[before]);
    }
    setOwn(out, k, x);
  }
  return out ?? v;
}

const FLASK: SignedSession = {
  format: 'flask',
  label: 'Flask session (itsdangerous)',
  framework: 'Flask',
  data: untagFlask,
};

export function decodeFlask(value: string): Promise<DecodedValue | null> {
  return decodeSignedSession(parseFlask(value), FLASK);
}
