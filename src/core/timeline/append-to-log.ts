import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { utf8Bytes } from './entry-bytes';
import {
  CHUNK_SIZE,
  chunkIndex,
  encodeChunk,
  chunkKey,
  freedChunkKeys,
  LOG_BYTE_BUDGET,
  LOG_CAPACITY,
  META_KEY,
  shiftChunkBytes,
  totalBytes,
  withDropped,
  type LogMeta,
  type LogState,
} from './log-layout';
import type { LogWrite } from './log-write';
import { toLogEntry } from './to-log-entry';

export interface AppendOptions {
  capacity?: number;
  byteBudget?: number;
  /** Changes given up before they got a seq (storage refused their batch again and again): counted as dropped. */
  refused?: number;
}

/** The bytes storage counts for an encoded chunk: its JSON string, quoted and escaped once more. */
export function storedBytes(encoded: string): number {
  return utf8Bytes(encoded) + 2;
}

/**
 * Appends changes in order. Touches the chunk being filled (and the next ones when it fills up) and the meta.
 * The log keeps the newest `capacity` entries and, beyond that, only as many whole chunks (newest first) as fit
 * in `byteBudget`; chunks that fall out are removed and their entries counted as dropped, with the reason.
 */
export function appendToLog(
  state: LogState,
  changes: readonly TimedChange[],
  { capacity = LOG_CAPACITY, byteBudget = LOG_BYTE_BUDGET, refused = 0 }: AppendOptions = {},
): LogWrite {
  const { meta } = state;
  let nextSeq = meta.nextSeq;
  let tailIndex = chunkIndex(nextSeq);
  let tail: ChangeLogEntry[] = [...state.tail];
  const touched = new Map<number, ChangeLogEntry[]>();
  for (const change of changes) {
    const seq = nextSeq++;
    const index = chunkIndex(seq);
    if (index !== tailIndex) {
      tail = [];
      tailIndex = index;
    }
    tail.push(toLogEntry(change, seq));
    touched.set(index, tail);
  }

  // The entry bound first, then whole chunks, oldest first, until the rest fits the byte budget.
  const boundFirst = Math.max(meta.firstSeq, nextSeq - capacity);
  const sizes = shiftChunkBytes(meta, boundFirst);
  const base = chunkIndex(boundFirst);
  // Encoded once, here: the byte trim below drops whole chunks from the front only, so every chunk it keeps
  // holds exactly its entries from `boundFirst` on, and its size is that of the string written.
  const encoded = new Map<number, string>();
  for (const [index, entries] of touched) {
    if (index < base) continue;
    const live = entries.filter((e) => e.seq >= boundFirst);
    if (live.length === 0) continue;
    const text = encodeChunk(live);
    encoded.set(index, text);
    sizes[index - base] = storedBytes(text);
  }
  for (let i = 0; i < sizes.length; i++) sizes[i] ??= 0;
  let firstSeq = boundFirst;
  let total = totalBytes(sizes);
  while (total > byteBudget && sizes.length > 1 && chunkIndex(firstSeq) < chunkIndex(nextSeq - 1)) {
    total -= sizes.shift() ?? 0;
    firstSeq = (chunkIndex(firstSeq) + 1) * CHUNK_SIZE;
  }

  let newMeta: LogMeta = { ...meta, nextSeq, firstSeq, chunkBytes: sizes };
  newMeta = withDropped(newMeta, 'bound', boundFirst - meta.firstSeq);
  newMeta = withDropped(newMeta, 'bytes', firstSeq - boundFirst);
  newMeta = withDropped(newMeta, 'refused', refused);
  const set: Record<string, unknown> = { [META_KEY]: newMeta };
  for (const [index, text] of encoded) if (index >= chunkIndex(firstSeq)) set[chunkKey(index)] = text;
  // The chunk being filled next: empty when the last entry closed a chunk.
  const liveTail = nextSeq % CHUNK_SIZE === 0 ? [] : tail.filter((e) => e.seq >= firstSeq);
  return {
    state: { meta: newMeta, tail: liveTail },
    set,
    remove: freedChunkKeys(meta, firstSeq),
  };
}
