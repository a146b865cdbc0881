/**
 * Byte encodings every decoder shares: base64 in both alphabets, UTF-8, hex. Each returns `null` instead of
 * throwing, so a malformed value reads as "not this format".
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const STD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

function fromBinaryString(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function decodeWith(value: string, alphabet: RegExp, urlSafe: boolean): Bytes | null {
  if (!alphabet.test(value)) return null;
  let s = value.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  if (urlSafe) s = s.replace(/-/g, '+').replace(/_/g, '/');
  s += '='.repeat((4 - (s.length % 4)) % 4);
  try {
    return fromBinaryString(atob(s));
  } catch {
    return null;
  }
}

/** Standard base64 (`+/`), padding optional. */
export function base64ToBytes(value: string): Bytes | null {
  return decodeWith(value, STD, false);
}

/** base64url (`-_`), padding optional. */
export function base64urlToBytes(value: string): Bytes | null {
  return decodeWith(value, URL_SAFE, true);
}

/** Either alphabet (but not both mixed), padding optional. */
export function anyBase64ToBytes(value: string): Bytes | null {
  return base64ToBytes(value) ?? base64urlToBytes(value);
}

export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  // Chunks keep String.fromCharCode's argument list well under engines' limits.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function bytesToUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function utf8ToBytes(value: string): Bytes {
  return encoder.encode(value) as Bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function hexToBytes(value: string): Bytes | null {
  if (value.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(value)) return null;
  const out = new Uint8Array(value.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(value.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text that a person could read: no control characters other than whitespace. */
export function isPrintable(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}
