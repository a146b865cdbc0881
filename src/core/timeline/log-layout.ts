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
 * not fit, so values and names are cut; the entry records the original length.
 */
export const MAX_VALUE_CHARS = 1024;
export const MAX_NAME_CHARS = 256;

export const META_KEY = 'log:meta';

export interface LogMeta {
  /** The seq the next entry gets. */
  nextSeq: number;
  /** The oldest seq still in the log; entries below it are dropped (bound) or cleared. */
  firstSeq: number;
  /** How many entries fell off the bound since the log began (or was last cleared). */
  dropped: number;
}

/** What the writer keeps in memory: the meta and the entries of the chunk being filled. */
export interface LogState {
  meta: LogMeta;
  tail: readonly ChangeLogEntry[];
}

export function emptyMeta(): LogMeta {
  return { nextSeq: 0, firstSeq: 0, dropped: 0 };
}

export function chunkIndex(seq: number): number {
  return Math.floor(seq / CHUNK_SIZE);
}

export function chunkKey(index: number): string {
  return `log:${index}`;
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
  return { nextSeq: m.nextSeq, firstSeq: m.firstSeq, dropped: m.dropped };
}

function isEntry(v: unknown): v is ChangeLogEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return isCount(e.seq) && typeof e.time === 'number' && typeof e.cookie === 'object' && e.cookie !== null;
}

/** The entries of a stored chunk that belong to the live log `[firstSeq, nextSeq)`, in seq order. */
export function parseChunk(stored: unknown, meta: LogMeta): ChangeLogEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(isEntry)
    .filter((e) => e.seq >= meta.firstSeq && e.seq < meta.nextSeq)
    .sort((a, b) => a.seq - b.seq);
}
