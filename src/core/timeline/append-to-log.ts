import type { ChangeLogEntry, TimedChange } from './change-log-entry';
import { CHUNK_SIZE, chunkIndex, chunkKey, LOG_CAPACITY, META_KEY, type LogMeta, type LogState } from './log-layout';
import type { LogWrite } from './log-write';
import { toLogEntry } from './to-log-entry';

function chunkKeysBetween(fromIndex: number, toIndexExclusive: number): string[] {
  const keys: string[] = [];
  for (let i = fromIndex; i < toIndexExclusive; i++) keys.push(chunkKey(i));
  return keys;
}

/**
 * Appends changes in order. Touches the chunk being filled (and the next ones when it fills up) and the meta;
 * chunks that fall entirely below the bound are removed.
 */
export function appendToLog(state: LogState, changes: readonly TimedChange[], capacity = LOG_CAPACITY): LogWrite {
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
  const firstSeq = Math.max(meta.firstSeq, nextSeq - capacity);
  const newMeta: LogMeta = { nextSeq, firstSeq, dropped: meta.dropped + (firstSeq - meta.firstSeq) };
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
    remove: chunkKeysBetween(chunkIndex(meta.firstSeq), chunkIndex(firstSeq)),
  };
}
