import { parseJsonUnbounded } from '../decode/json';
import type { ChangeLogEntry } from './change-log-entry';

/**
 * How the change log sits in `storage.session`: a meta key plus fixed-size chunks keyed by sequence number,
 * so appending touches one chunk and the meta, never the whole log. Chunk `n` holds seqs `n*CHUNK_SIZE` to
 * `(n+1)*CHUNK_SIZE - 1`; which chunk an entry lives in follows from its seq alone.
 */

/** The log keeps the newest this many entries. */
export const LOG_CAPACITY = 5000;
export const CHUNK_SIZE = 100;
/**
 * `storage.session` holds ~10 MB (Chromium) for everything. 5,000 entries with cookie values up to 4 KB would
 * not fit, so values, names, paths and domains are cut when recorded; the entry records the original length.
 */
export const MAX_VALUE_CHARS = 1024;
export const MAX_NAME_CHARS = 256;
export const MAX_PATH_CHARS = 256;
/** A DNS name is at most 253 characters; anything longer is not a real domain. */
export const MAX_DOMAIN_CHARS = 256;
/**
 * The chunks may hold this many bytes (as storage counts them: UTF-8 JSON). Cut entries of non-ASCII text can
 * weigh ~6 KB each, so 5,000 of them would not fit in 10 MB beside the staged batches and the jar snapshot:
 * past this budget the oldest chunks go, counted as dropped for their size.
 */
export const LOG_BYTE_BUDGET = 5 * 1024 * 1024;

export const META_KEY = 'log:meta';

/**
 * Why entries are missing from the log: `bound` the entry bound, `bytes` the byte budget, `quota` storage refused
 * a write over its quota and the oldest entries were trimmed to make room, `refused` storage refused to write
 * a batch again and again, so it was given up (those changes never got a seq).
 */
export type DropReason = 'bound' | 'bytes' | 'quota' | 'refused';
export const DROP_REASONS: readonly DropReason[] = ['bound', 'bytes', 'quota', 'refused'];
export type DroppedBy = Partial<Record<DropReason, number>>;

export interface LogMeta {
  /** The seq the next entry gets. */
  nextSeq: number;
  /** The oldest seq still in the log; entries below it are dropped or cleared. */
  firstSeq: number;
  /** How many entries were dropped since the log began (or was last cleared), for every reason. */
  dropped: number;
  /** `dropped` by reason; the counts add up to it. */
  droppedBy: DroppedBy;
  /** The stored size in bytes of each chunk from `chunkIndex(firstSeq)` on (0 where unknown). */
  chunkBytes: number[];
}

/** What the writer keeps in memory: the meta and the entries of the chunk being filled. */
export interface LogState {
  meta: LogMeta;
  tail: readonly ChangeLogEntry[];
}

export function emptyMeta(): LogMeta {
  return { nextSeq: 0, firstSeq: 0, dropped: 0, droppedBy: {}, chunkBytes: [] };
}

/** `meta` with `count` more entries dropped for `reason`. */
export function withDropped(meta: LogMeta, reason: DropReason, count: number): LogMeta {
  if (count <= 0) return meta;
  return {
    ...meta,
    dropped: meta.dropped + count,
    droppedBy: { ...meta.droppedBy, [reason]: (meta.droppedBy[reason] ?? 0) + count },
  };
}

/** The chunk sizes from `chunkIndex(firstSeq)` on, when the log's start moves from `meta.firstSeq`. */
export function shiftChunkBytes(meta: LogMeta, firstSeq: number): number[] {
  return meta.chunkBytes.slice(Math.max(0, chunkIndex(firstSeq) - chunkIndex(meta.firstSeq)));
}

export function totalBytes(chunkBytes: readonly number[]): number {
  let sum = 0;
  for (const b of chunkBytes) sum += b;
  return sum;
}

export function chunkIndex(seq: number): number {
  return Math.floor(seq / CHUNK_SIZE);
}

export function chunkKey(index: number): string {
  return `log:${index}`;
}

/** The keys of chunks `fromIndex` up to but not including `toIndex` (none when the range is empty). */
export function chunkKeys(fromIndex: number, toIndex: number): string[] {
  const keys: string[] = [];
  for (let i = fromIndex; i < toIndex; i++) keys.push(chunkKey(i));
  return keys;
}

/** The keys of the chunks that fall out of the log when its start moves from `meta.firstSeq` to `firstSeq`. */
export function freedChunkKeys(meta: LogMeta, firstSeq: number): string[] {
  return chunkKeys(chunkIndex(meta.firstSeq), chunkIndex(firstSeq));
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Stored data is read back defensively: anything malformed counts as no log at all. */
export function parseMeta(stored: unknown): LogMeta {
  if (typeof stored !== 'object' || stored === null) return emptyMeta();
  const m = stored as Record<string, unknown>;
  if (!isCount(m.nextSeq) || !isCount(m.firstSeq) || !isCount(m.dropped) || m.firstSeq > m.nextSeq) {
    return emptyMeta();
  }
  return {
    nextSeq: m.nextSeq,
    firstSeq: m.firstSeq,
    dropped: m.dropped,
    droppedBy: parseDroppedBy(m.droppedBy, m.dropped),
    chunkBytes: Array.isArray(m.chunkBytes) ? m.chunkBytes.map((b) => (isCount(b) ? b : 0)) : [],
  };
}

/** A meta written before reasons were kept counts everything as fallen off the entry bound. */
function parseDroppedBy(stored: unknown, dropped: number): DroppedBy {
  const out: DroppedBy = {};
  let sum = 0;
  if (typeof stored === 'object' && stored !== null) {
    const by = stored as Record<string, unknown>;
    for (const reason of DROP_REASONS) {
      const n = by[reason];
      if (isCount(n) && n > 0) {
        out[reason] = n;
        sum += n;
      }
    }
  }
  if (sum !== dropped) return dropped > 0 ? { bound: dropped } : {};
  return out;
}

function isEntry(v: unknown): v is ChangeLogEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return isCount(e.seq) && typeof e.time === 'number' && typeof e.cookie === 'object' && e.cookie !== null;
}

/**
 * A chunk as it is stored: its entries as one JSON string, not as an array of objects. The worker converts
 * what it writes for the browser process on its own thread, property by property for an object (about 0.1 ms
 * per entry in a storm on this machine; a fold of 4,000 entries held the worker ~400 ms), while a string is
 * copied whole and `JSON.stringify` is fast: the events queued behind a fold are what a stop loses.
 */
export function encodeChunk(entries: readonly ChangeLogEntry[]): string {
  return JSON.stringify(entries);
}

/**
 * The entries of a stored chunk that belong to the live log `[firstSeq, nextSeq)`, in seq order: encoded (see
 * encodeChunk), or an array of entries as an older version stored it.
 */
export function parseChunk(stored: unknown, meta: LogMeta): ChangeLogEntry[] {
  const value = typeof stored === 'string' ? parseJsonUnbounded(stored) : stored;
  if (!Array.isArray(value)) return [];
  return value
    .filter(isEntry)
    .filter((e) => e.seq >= meta.firstSeq && e.seq < meta.nextSeq)
    .sort((a, b) => a.seq - b.seq);
}
