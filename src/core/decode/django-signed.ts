import type { DecodedValue } from './decoded-value';
import { decodeSignedSession, type SignedPayloadParts, type SignedSession } from './signed-payload';

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
export function parseDjangoSigned(value: string): SignedPayloadParts | null {
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

const DJANGO: SignedSession = {
  format: 'django-signed',
  label: 'Django signed-cookie session',
  framework: 'Django',
  data: (json) => json,
};

export function decodeDjangoSigned(value: string): Promise<DecodedValue | null> {
  return decodeSignedSession(parseDjangoSigned(value), DJANGO);
}
