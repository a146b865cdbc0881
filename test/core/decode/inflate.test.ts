/**
 * The synchronous inflate (fflate plus the Adler-32 check and the size bound) against Node's zlib, the reference
 * implementation: the same bytes out of every stream zlib writes, and every stream refused once cut short or
 * followed by more data (which the Compression standard and the browsers' DecompressionStream refuse, where Node's
 * inflateSync stops quietly). A flipped bit is refused unless it fell where zlib checks and fflate does not look
 * (a stored block's NLEN): then the output is still exactly the original's, as the stream's Adler-32 vouches.
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

const ours = async (stream: Uint8Array): Promise<number[] | null> => {
  const r = await inflate(stream);
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
  it('gives back exactly what zlib compressed, at every level and strategy (stored, fixed and dynamic blocks)', async () => {
    await fc.assert(
      fc.asyncProperty(source, options, async (bytes, opts) => {
        const stream = deflateSync(Uint8Array.from(bytes), opts);
        expect(await ours(stream)).toEqual(bytes);
      }),
      { numRuns: 800 },
    );
  }, 60_000);

  it('refuses streams that are cut or followed by a byte, and never gives other bytes than zlib once a bit flips', async () => {
    await fc.assert(
      fc.asyncProperty(source, options, fc.nat(), fc.integer({ min: 0, max: 2 }), async (bytes, opts, at, damage) => {
        const stream = Uint8Array.from(deflateSync(Uint8Array.from(bytes), opts));
        if (damage === 0) {
          const flipped = Uint8Array.from(stream);
          flipped[at % stream.length]! ^= 1 << (at % 8);
          const zlib = reference(flipped);
          const got = await ours(flipped);
          if (zlib !== null) expect(got).toEqual(zlib);
          else if (got !== null) expect(got).toEqual(bytes);
        } else {
          const damaged =
            damage === 1 ? stream.subarray(0, at % stream.length) : Uint8Array.from([...stream, at % 256]);
          expect(reference(damaged)).toBeNull();
          expect(await ours(damaged)).toBeNull();
        }
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('refuses exactly the flipped bits zlib refuses in a Huffman-coded stream (it has no NLEN to skip)', async () => {
    const stream = Uint8Array.from(deflateSync(Buffer.from('a session cookie, compressed '.repeat(20))));
    let refused = 0;
    for (let bit = 0; bit < stream.length * 8; bit++) {
      const flipped = Uint8Array.from(stream);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      const got = await ours(flipped);
      expect(got).toEqual(reference(flipped));
      if (got === null) refused++;
    }
    // What zlib lets through is the header's FLEVEL bits and the padding after the last block.
    expect(refused).toBeGreaterThan(stream.length * 8 - 10);
  });

  it('says why a stream is refused, and never throws', async () => {
    const hello = deflateSync('hello');
    expect(await inflate(Uint8Array.from([...hello, 0]))).toEqual({
      ok: false,
      error: 'malformed compressed data (incorrect data check)',
    });
    expect(await inflate(hello.subarray(0, 4))).toEqual({
      ok: false,
      error: 'malformed compressed data (invalid zlib data)',
    });
    expect(await inflate(deflateSync('abc', { dictionary: Buffer.from('abcdef') }))).toMatchObject({ ok: false });
    expect(await inflate(new Uint8Array(0))).toMatchObject({ ok: false });
    expect(await inflate(Uint8Array.from([0x78, 0x9c, 0xff, 0xff, 0, 0, 0, 0]))).toEqual({
      ok: false,
      error: 'malformed compressed data (invalid block type)',
    });
  });

  it('keeps output of exactly the bound and stops one byte past it', async () => {
    const data = Buffer.alloc(5000, 7);
    expect(await inflate(deflateSync(data), 5000)).toMatchObject({ ok: true });
    expect(await inflate(deflateSync(Buffer.alloc(5001, 7)), 5000)).toEqual({
      ok: false,
      error: 'decompressed data exceeds 5000 bytes: stopped (possible zip bomb)',
    });
    expect(await inflate(deflateSync(Buffer.alloc(3 * 1024 * 1024)))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/exceeds 1048576 bytes/) as unknown,
    });
  });
});
