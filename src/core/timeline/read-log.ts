import type { ChangeLogEntry } from './change-log-entry';
import { CHUNK_SIZE, chunkIndex, chunkKey, chunkKeys, LOG_CAPACITY, parseChunk, type LogMeta } from './log-layout';

/** The chunk keys that hold the live entries with seq above `afterSeq` (all of them when it is absent). */
export function chunkKeysToRead(meta: LogMeta, afterSeq?: number): string[] {
  const from = Math.max(meta.firstSeq, afterSeq === undefined ? 0 : Math.floor(afterSeq) + 1);
  if (from >= meta.nextSeq) return [];
  return chunkKeys(chunkIndex(from), chunkIndex(meta.nextSeq - 1) + 1);
}

/** The live entries from what storage returned for `chunkKeysToRead`, oldest first. */
export function entriesFromChunks(meta: LogMeta, stored: Record<string, unknown>): ChangeLogEntry[] {
  const out: ChangeLogEntry[] = [];
  for (let i = chunkIndex(meta.firstSeq); i <= chunkIndex(Math.max(meta.firstSeq, meta.nextSeq - 1)); i++) {
    const key = chunkKey(i);
    if (key in stored) out.push(...parseChunk(stored[key], meta));
  }
  return out;
}

/**
 * Chunk keys that may be left over below the live log: a worker stopped after `set` landed but before it
 * issued the `remove` of freed chunks leaves them behind. The range covers one whole log's worth (a clear
 * frees that many), so sweeping it at start-up reclaims any orphan.
 */
export function orphanChunkKeys(meta: LogMeta, capacity = LOG_CAPACITY): string[] {
  const top = chunkIndex(meta.firstSeq);
  const span = Math.ceil(capacity / CHUNK_SIZE) + 1;
  return chunkKeys(Math.max(0, top - span), top);
}
