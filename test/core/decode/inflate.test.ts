/**
 * The synchronous inflate against Node's zlib, the reference implementation: the same bytes out of every stream
 * zlib writes, and the same streams refused once damaged, cut short or followed by more data (which the
 * Compression standard and the browsers' DecompressionStream refuse, where Node's inflateSync stops quietly).
 */
import { constants, deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflate } from '../../../src/core/decode/inflate';

/** What zlib makes of `stream`: its bytes when it inflates and ends exactly at the end of the input. */
function reference(stream: Uint8Array): number[] | null {
  try {
    const r = inflateSync(stream, { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    return r.engine.bytesWritten === stream.length ? [...r.buffer] : null;
  } catch {
    return null;
  }
}

const ours = (stream: Uint8Array): number[] | null => {
  const r = inflate(stream);
  return r.ok ? [...r.bytes] : null;
};

/** Bytes over a few values mixed with any bytes: repetitive enough for long matches, varied enough for codes. */
const source = fc.array(fc.oneof(fc.constantFrom(97, 98, 99, 32), fc.integer({ min: 0, max: 255 })), {
  maxLength: 3000,
});
const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(
    constants.Z_DEFAULT_STRATEGY,
    constants.Z_FILTERED,
    constants.Z_HUFFMAN_ONLY,
    constants.Z_RLE,
    constants.Z_FIXED,
  ),
});

describe('inflate', () => {
  it('gives back exactly what zlib compressed, at every level and strategy (stored, fixed and dynamic blocks)', () => {
    fc.assert(
      fc.property(source, options, (bytes, opts) => {
        const stream = deflateSync(Uint8Array.from(bytes), opts);
        expect(ours(stream)).toEqual(bytes);
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('refuses exactly the streams zlib refuses once a bit is flipped, they are cut, or a byte follows', () => {
    fc.assert(
      fc.property(source, options, fc.nat(), fc.integer({ min: 0, max: 2 }), (bytes, opts, at, damage) => {
        const stream = Uint8Array.from(deflateSync(Uint8Array.from(bytes), opts));
        let damaged: Uint8Array;
        if (damage === 0) {
          damaged = stream;
          damaged[at % stream.length]! ^= 1 << (at % 8);
        } else if (damage === 1) damaged = stream.subarray(0, at % stream.length);
        else damaged = Uint8Array.from([...stream, at % 256]);
        expect(ours(damaged)).toEqual(reference(damaged));
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('says why a stream is refused, and never throws', () => {
    const hello = deflateSync('hello');
    expect(inflate(Uint8Array.from([...hello, 0]))).toEqual({
      ok: false,
      error: 'malformed compressed data (data after the end of the compressed stream)',
    });
    expect(inflate(hello.subarray(0, 4))).toEqual({
      ok: false,
      error: 'malformed compressed data (unexpected end of file)',
    });
    expect(inflate(deflateSync('abc', { dictionary: Buffer.from('abcdef') }))).toMatchObject({ ok: false });
    expect(inflate(new Uint8Array(0))).toMatchObject({ ok: false });
    expect(inflate(Uint8Array.from([0x78, 0x9c, 0xff, 0xff]))).toEqual({
      ok: false,
      error: 'malformed compressed data (invalid block type)',
    });
  });

  it('keeps output of exactly the bound and stops one byte past it', () => {
    const data = Buffer.alloc(5000, 7);
    expect(inflate(deflateSync(data), 5000)).toMatchObject({ ok: true });
    expect(inflate(deflateSync(Buffer.alloc(5001, 7)), 5000)).toEqual({
      ok: false,
      error: 'decompressed data exceeds 5000 bytes: stopped (possible zip bomb)',
    });
    expect(inflate(deflateSync(Buffer.alloc(3 * 1024 * 1024)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/exceeds 1048576 bytes/) as unknown,
    });
  });
});
