import { concatBytes, type Bytes } from './bytes';
import type { Unzlib } from './unzlib';
import { MAX_INFLATED_BYTES } from './limits';
import { errorText } from '../error-text';

export type InflateResult = { ok: true; bytes: Bytes } | { ok: false; error: string };

/** Output past the bound: thrown from the output callback, which stops the inflate at once. */
class TooLarge extends Error {}

/**
 * The input is handed to fflate this many bytes at a time. One chunk of deflate data inflates to at most ~1,032
 * times its size, so the output passes the bound by at most ~4 MB before it is stopped, whatever the input's size;
 * a cookie (4,096 bytes at most) goes in one piece.
 */
const CHUNK = 4096;

/** RFC 1950's Adler-32 of `bytes`, reducing modulo 65521 every 5,552 bytes as zlib does (no overflow before). */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    const stop = Math.min(bytes.length, i + 5552);
    for (; i < stop; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function joined(parts: Uint8Array[]): Bytes {
  if (parts.length === 1 && parts[0]!.buffer instanceof ArrayBuffer) return parts[0] as Bytes;
  return concatBytes(...parts);
}

/**
 * fflate, imported when a value first needs inflating: its module builds its Huffman tables when evaluated (some
 * 65,000 loop turns, several milliseconds in a page's interpreter), which the popup's first paint would otherwise
 * pay before its rows for the few sites that compress a cookie.
 */
let fflate: Promise<{ Unzlib: typeof Unzlib }> | undefined;

/**
 * zlib (RFC 1950) decompression with fflate, stopping as soon as the output passes `maxBytes`, so a zip bomb costs
 * at most that much memory (and one chunk's worth more). The inflating itself is synchronous: the platform's
 * DecompressionStream costs far more to set up than a cookie's few kilobytes cost to inflate. fflate
 * does not check the stream's Adler-32: this does, so a damaged stream, or one followed by other bytes (whose last
 * four then stand where the check should be), is refused as DecompressionStream('deflate') refuses it. Never throws.
 */
export async function inflate(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Promise<InflateResult> {
  fflate ??= import('./unzlib');
  const lib = await fflate;
  const parts: Uint8Array[] = [];
  let length = 0;
  const stream = new lib.Unzlib((part) => {
    length += part.length;
    if (length > maxBytes) throw new TooLarge();
    if (part.length > 0) parts.push(part);
  });
  try {
    let at = 0;
    do {
      const end = Math.min(data.length, at + CHUNK);
      stream.push(data.subarray(at, end), end === data.length);
      at = end;
    } while (at < data.length);
    const bytes = joined(parts);
    const n = data.length;
    const check = ((data[n - 4]! << 24) | (data[n - 3]! << 16) | (data[n - 2]! << 8) | data[n - 1]!) >>> 0;
    if (check !== adler32(bytes)) return { ok: false, error: 'malformed compressed data (incorrect data check)' };
    return { ok: true, bytes };
  } catch (e) {
    if (e instanceof TooLarge) {
      return { ok: false, error: `decompressed data exceeds ${maxBytes} bytes: stopped (possible zip bomb)` };
    }
    return { ok: false, error: `malformed compressed data (${errorText(e)})` };
  }
}

/** First two bytes of a zlib stream: CMF 0x78 (deflate, 32K window) and a check-valid FLG. */
export function looksLikeZlib(bytes: Uint8Array): boolean {
  const cmf = bytes[0];
  const flg = bytes[1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}
