import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { entryBytes } from './entry-bytes';
import {
  CHUNK_SIZE,
  chunkIndex,
  chunkKey,
  chunkKeys,
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

function bytesOf(entries: readonly ChangeLogEntry[], fromSeq: number): number {
  let n = 0;
  for (const e of entries) if (e.seq >= fromSeq) n += entryBytes(e);
  return n;
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
  for (const [index, entries] of touched) {
    if (index >= base) sizes[index - base] = bytesOf(entries, boundFirst);
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
  for (const [index, entries] of touched) {
    const live = entries.filter((e) => e.seq >= firstSeq);
    if (live.length > 0) set[chunkKey(index)] = live;
  }
  // The chunk being filled next: empty when the last entry closed a chunk.
  const liveTail = nextSeq % CHUNK_SIZE === 0 ? [] : tail.filter((e) => e.seq >= firstSeq);
  return {
    state: { meta: newMeta, tail: liveTail },
    set,
    remove: chunkKeys(chunkIndex(meta.firstSeq), chunkIndex(firstSeq)),
  };
}
