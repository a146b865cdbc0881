import { CHUNK_SIZE, freedChunkKeys, META_KEY, shiftChunkBytes, withDropped, type LogState } from './log-layout';
import type { LogWrite } from './log-write';

/**
 * Drops at least `count` of the oldest entries, up to a chunk boundary so whole chunks are freed. For when
 * storage refuses a write over its quota: the bound in entries cannot foresee every cookie's size.
 */
export function trimLog(state: LogState, count: number): LogWrite {
  const { meta } = state;
  const target = Math.min(meta.nextSeq, meta.firstSeq + Math.max(0, count));
  const firstSeq = Math.min(meta.nextSeq, Math.ceil(target / CHUNK_SIZE) * CHUNK_SIZE);
  const newMeta = withDropped(
    { ...meta, firstSeq, chunkBytes: shiftChunkBytes(meta, firstSeq) },
    'quota',
    firstSeq - meta.firstSeq,
  );
  const tail = state.tail.filter((e) => e.seq >= firstSeq);
  return { state: { meta: newMeta, tail }, set: { [META_KEY]: newMeta }, remove: freedChunkKeys(meta, firstSeq) };
}
