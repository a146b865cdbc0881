/**
 * Byte encodings every decoder shares: base64 in both alphabets, UTF-8, hex. Each returns `null` instead of
 * throwing, so a malformed value reads as "not this format".
 */
export type Bytes = Uint8Array<ArrayBuffer>;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/**
 * 6-bit values of each alphabet's characters by char code, -1 for every other character. A table lookup per
 * character, instead of a regex check, two `replace` passes to swap alphabets, padding and `atob`: one pass,
 * with no intermediate strings, whatever the input.
 */
function sextets(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}
const LETTERS_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const STD = sextets(`${LETTERS_DIGITS}+/`);
const URL_SAFE = sextets(`${LETTERS_DIGITS}-_`);

/**
 * `value` without its trailing `=` padding. A backwards scan, not `replace(/=+$/, '')`: that regex restarts at
 * every `=` of a long run that does not reach the end, which is quadratic in the run's length.
 */
export function withoutPadding(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x3d) end--;
  return end === value.length ? value : value.slice(0, end);
}

/**
 * Forgiving base64 (WHATWG, as `atob` reads it) in one alphabet: at most two `=` of padding, which may also be
 * missing; a last group of one character is malformed; unused bits of the last group are ignored.
 */
function decodeWith(value: string, table: Int8Array): Bytes | null {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x3d && value.length - end < 2) end--;
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let at = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    const v = c < 128 ? table[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard base64 (`+/`), padding optional. */
export function base64ToBytes(value: string): Bytes | null {
  return decodeWith(value, STD);
}

/** base64url (`-_`), padding optional. */
export function base64urlToBytes(value: string): Bytes | null {
  return decodeWith(value, URL_SAFE);
}

/** Either alphabet (but not both mixed), padding optional. */
export function anyBase64ToBytes(value: string): Bytes | null {
  return base64ToBytes(value) ?? base64urlToBytes(value);
}

/**
 * A string of the given code units (bytes as Latin-1, or UTF-16). `apply` with a typed array, in chunks that keep
 * the argument list well under engines' limits: spreading the array into arguments costs 20× as much in V8.
 */
export function codeUnitsToString(units: Uint8Array | Uint16Array): string {
  let s = '';
  for (let i = 0; i < units.length; i += 0x2000) {
    s += String.fromCharCode.apply(null, units.subarray(i, i + 0x2000) as unknown as number[]);
  }
  return s;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(codeUnitsToString(bytes));
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
