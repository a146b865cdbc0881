import type { Bytes } from './bytes';
import { MAX_INFLATED_BYTES } from './limits';
import { errorText } from '../error-text';

export type InflateResult = { ok: true; bytes: Bytes } | { ok: false; error: string };

/** Why a stream cannot be inflated, in zlib's words; thrown inside inflate only, never out of it. */
class Malformed extends Error {}

/** Output past the bound: thrown inside inflate only. */
class TooLarge extends Error {}

/** Codes this long or shorter are decoded by one lookup; longer ones (rare) one bit at a time. */
const FAST_BITS = 9;

/**
 * A canonical Huffman code (RFC 1951 §3.2.2): counts of codes per length and the symbols in code order, which is
 * all a decoder that reads one bit at a time needs, and a table indexed by the next FAST_BITS bits of the input
 * (`symbol << 4 | length`, 0 where the code is longer or unused).
 */
interface Code {
  counts: Uint16Array;
  symbols: Uint16Array;
  fast: Uint16Array;
}

/** The code for `lengths[0..n)`; `left` is 0 when it is complete, above 0 when incomplete, -1 when oversubscribed. */
function codeOf(lengths: Uint8Array, n: number): { code: Code; left: number; longest: number } {
  const counts = new Uint16Array(16);
  for (let s = 0; s < n; s++) counts[lengths[s]!]!++;
  let longest = 15;
  while (longest > 0 && counts[longest] === 0) longest--;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - counts[len]!;
    if (left < 0) return { code: { counts, symbols: new Uint16Array(0), fast: new Uint16Array(0) }, left: -1, longest };
  }
  counts[0] = 0;
  const offsets = new Uint16Array(16);
  // The first code of each length, as RFC 1951 §3.2.2 assigns them.
  const next = new Uint16Array(16);
  for (let len = 1; len < 15; len++) {
    offsets[len + 1] = offsets[len]! + counts[len]!;
    next[len + 1] = (next[len]! + counts[len]!) << 1;
  }
  const symbols = new Uint16Array(n);
  const fast = new Uint16Array(1 << FAST_BITS);
  for (let s = 0; s < n; s++) {
    const len = lengths[s]!;
    if (len === 0) continue;
    symbols[offsets[len]!++] = s;
    const code = next[len]!++;
    if (len > FAST_BITS) continue;
    // The input holds a code first bit first, so the table is indexed by the code's bits reversed.
    let reversed = 0;
    for (let b = 0; b < len; b++) reversed |= ((code >> b) & 1) << (len - 1 - b);
    for (let k = reversed; k < fast.length; k += 1 << len) fast[k] = (s << 4) | len;
  }
  return { code: { counts, symbols, fast }, left, longest };
}

/**
 * A code read from a stream, checked as zlib checks it: never oversubscribed; incomplete only when it is a
 * single code of one bit, or (literal/length and distance codes) when no length is used at all.
 */
function checkedCode(lengths: Uint8Array, n: number, codeLengths: boolean, error: string): Code {
  const { code, left, longest } = codeOf(lengths, n);
  if (left < 0) throw new Malformed(error);
  if (longest === 0 ? codeLengths : left > 0 && (codeLengths || longest !== 1)) throw new Malformed(error);
  return code;
}

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];
/** The order in which a dynamic block gives the code-length code's lengths (RFC 1951 §3.2.7). */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** The fixed codes of RFC 1951 §3.2.6 (symbols 286, 287 and distances 30, 31 exist but are invalid). */
const FIXED = (() => {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  const distances = new Uint8Array(32).fill(5);
  return { literals: codeOf(lengths, 288).code, distances: codeOf(distances, 32).code };
})();

/** Adler-32 (RFC 1950 §8.2), in runs short enough that the sums cannot overflow before the modulo. */
function adler32(bytes: Uint8Array, end: number): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < end;) {
    const stop = Math.min(end, i + 5552);
    for (; i < stop; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Inflates a whole zlib stream, or throws Malformed or TooLarge. */
function inflateOrThrow(data: Uint8Array, maxBytes: number): Bytes {
  let pos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  let out = new Uint8Array(Math.min(maxBytes, Math.max(1024, data.length * 4)));
  let length = 0;

  const bits = (n: number): number => {
    while (bitCount < n) {
      if (pos >= data.length) throw new Malformed('unexpected end of file');
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };
  /**
   * The next symbol of `code`, or -1 for a code it does not have: by one lookup when the code is short, else one
   * bit at a time (RFC 1951 packs a code starting with its first bit). Reads ahead up to 15 bits where there are.
   */
  const decode = (code: Code): number => {
    while (bitCount < 15 && pos < data.length) {
      bitBuf |= data[pos++]! << bitCount;
      bitCount += 8;
    }
    const hit = code.fast[bitBuf & ((1 << FAST_BITS) - 1)]!;
    if (hit !== 0 && (hit & 15) <= bitCount) {
      bitBuf >>>= hit & 15;
      bitCount -= hit & 15;
      return hit >> 4;
    }
    let value = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      if (bitCount === 0) throw new Malformed('unexpected end of file');
      value |= bitBuf & 1;
      bitBuf >>>= 1;
      bitCount--;
      const count = code.counts[len]!;
      if (value - first < count) return code.symbols[index + value - first]!;
      index += count;
      first = (first + count) << 1;
      value <<= 1;
    }
    return -1;
  };
  /** Room for `more` bytes of output: doubled as needed, never past `maxBytes`. */
  const room = (more: number): void => {
    const need = length + more;
    if (need <= out.length) return;
    if (need > maxBytes) throw new TooLarge();
    let size = Math.max(1024, out.length * 2);
    while (size < need) size *= 2;
    const grown = new Uint8Array(Math.min(maxBytes, size));
    grown.set(out.subarray(0, length));
    out = grown;
  };
  /** Drops the rest of the byte being read, and gives back the whole bytes read ahead. */
  const toByteBoundary = (): void => {
    pos -= bitCount >> 3;
    bitBuf = 0;
    bitCount = 0;
  };
  const byteAt = (at: number): number => {
    if (at >= data.length) throw new Malformed('unexpected end of file');
    return data[at]!;
  };

  const cmf = byteAt(0);
  const flg = byteAt(1);
  pos = 2;
  if ((cmf * 256 + flg) % 31 !== 0) throw new Malformed('incorrect header check');
  if ((cmf & 0x0f) !== 8) throw new Malformed('unknown compression method');
  if (cmf >> 4 > 7) throw new Malformed('invalid window size');
  if (flg & 0x20) throw new Malformed('Missing dictionary');

  const lengths = new Uint8Array(320);
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // Stored: whole bytes from the next byte boundary.
      toByteBoundary();
      const len = byteAt(pos) | (byteAt(pos + 1) << 8);
      const nlen = byteAt(pos + 2) | (byteAt(pos + 3) << 8);
      pos += 4;
      if (len !== (~nlen & 0xffff)) throw new Malformed('invalid stored block lengths');
      if (pos + len > data.length) throw new Malformed('unexpected end of file');
      room(len);
      out.set(data.subarray(pos, pos + len), length);
      length += len;
      pos += len;
      continue;
    }
    let literals: Code;
    let distances: Code;
    if (type === 1) {
      literals = FIXED.literals;
      distances = FIXED.distances;
    } else if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      if (nlen > 286 || ndist > 30) throw new Malformed('too many length or distance symbols');
      lengths.fill(0, 0, 19);
      for (let i = 0; i < ncode; i++) lengths[CODE_LENGTH_ORDER[i]!] = bits(3);
      const codeLengths = checkedCode(lengths, 19, true, 'invalid code lengths set');
      const all = new Uint8Array(nlen + ndist);
      for (let i = 0; i < all.length;) {
        const sym = decode(codeLengths);
        if (sym < 0) throw new Malformed('invalid code lengths set');
        if (sym < 16) {
          all[i++] = sym;
          continue;
        }
        let repeat = 0;
        let len = 0;
        if (sym === 16) {
          if (i === 0) throw new Malformed('invalid bit length repeat');
          len = all[i - 1]!;
          repeat = 3 + bits(2);
        } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > all.length) throw new Malformed('invalid bit length repeat');
        all.fill(len, i, i + repeat);
        i += repeat;
      }
      if (all[256] === 0) throw new Malformed('invalid code -- missing end-of-block');
      literals = checkedCode(all, nlen, false, 'invalid literal/lengths set');
      distances = checkedCode(all.subarray(nlen), ndist, false, 'invalid distances set');
    } else throw new Malformed('invalid block type');
    for (;;) {
      const sym = decode(literals);
      if (sym < 256) {
        if (sym < 0) throw new Malformed('invalid literal/length code');
        if (length === out.length) room(1);
        out[length++] = sym;
        continue;
      }
      if (sym === 256) break;
      if (sym > 285) throw new Malformed('invalid literal/length code');
      const len = LENGTH_BASE[sym - 257]! + bits(LENGTH_EXTRA[sym - 257]!);
      const d = decode(distances);
      if (d < 0 || d > 29) throw new Malformed('invalid distance code');
      const dist = DISTANCE_BASE[d]! + bits(DISTANCE_EXTRA[d]!);
      if (dist > length) throw new Malformed('invalid distance too far back');
      room(len);
      // Byte by byte: a distance shorter than the length repeats what this copy has just written.
      for (let k = 0; k < len; k++, length++) out[length] = out[length - dist]!;
    }
  }
  // The Adler-32 of the output, big-endian, from the next byte boundary; nothing may follow it.
  toByteBoundary();
  const check = ((byteAt(pos) << 24) | (byteAt(pos + 1) << 16) | (byteAt(pos + 2) << 8) | byteAt(pos + 3)) >>> 0;
  if (check !== adler32(out, length)) throw new Malformed('incorrect data check');
  if (pos + 4 !== data.length) throw new Malformed('data after the end of the compressed stream');
  return out.slice(0, length);
}

/**
 * zlib (RFC 1950) decompression, stopping as soon as the output passes `maxBytes`, so a zip bomb costs at most
 * that much memory. Synchronous and in one pass over the input: the platform's DecompressionStream costs far
 * more to set up than a cookie's few kilobytes cost to inflate, and it settles only through the event loop.
 * What it accepts is what DecompressionStream('deflate') accepts in the browsers (nothing may follow the
 * stream, as the Compression standard requires). Never throws.
 */
export function inflate(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): InflateResult {
  try {
    return { ok: true, bytes: inflateOrThrow(data, maxBytes) };
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
