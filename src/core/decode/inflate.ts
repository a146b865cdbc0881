import { concatBytes, type Bytes } from './bytes';
import { MAX_INFLATED_BYTES } from './limits';
import { errorText } from '../error-text';

export type InflateResult = { ok: true; bytes: Bytes } | { ok: false; error: string };

/**
 * zlib (RFC 1950) decompression with the platform's DecompressionStream, stopping as soon as the output passes
 * `maxBytes`, so a zip bomb costs at most that much memory. Never rejects.
 */
export async function inflate(data: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Promise<InflateResult> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate');
  } catch {
    return { ok: false, error: 'this browser cannot decompress (no DecompressionStream)' };
  }
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // The write and close settle only as the output is read, and reject when the data is malformed; the
  // reader reports the same failure, so these rejections are observed here and handled below.
  writer.write(data as Bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { ok: false, error: `decompressed data exceeds ${maxBytes} bytes: stopped (possible zip bomb)` };
      }
      chunks.push(value);
    }
  } catch (e) {
    return { ok: false, error: `malformed compressed data (${errorText(e)})` };
  }
  return { ok: true, bytes: concatBytes(...chunks) };
}

/** First two bytes of a zlib stream: CMF 0x78 (deflate, 32K window) and a check-valid FLG. */
export function looksLikeZlib(bytes: Uint8Array): boolean {
  const cmf = bytes[0];
  const flg = bytes[1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}
