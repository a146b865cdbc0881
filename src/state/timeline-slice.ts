import { batch, computed, signal } from '@preact/signals';
import type { ChangeLogEntry, DroppedBy } from '../protocol/messages';

/** The panel's change timeline, bounded: at most `limit` entries in memory, older ones counted as dropped. */
export function createTimelineSlice(limit = 2000) {
  const entries = signal<readonly ChangeLogEntry[]>([]);
  const dropped = signal(0);
  /** What the background's log said about why entries are missing (the rest of `dropped` is this slice's limit). */
  const droppedBy = signal<DroppedBy>({});

  /** While paused, the view stays on the entries up to this seq; new ones are counted, not shown. */
  const pausedAt = signal<number | null>(null);
  /** Entries up to this seq are cleared from the view (the background's log keeps them); the log starts at 0. */
  const clearedAt = signal(-1);
  /** Text the entries' cookie name, domain or path must contain (case-insensitive). */
  const query = signal('');

  const lastSeq = () => {
    const t = entries.peek();
    return t.length === 0 ? -1 : t[t.length - 1]!.seq;
  };
  const shown = computed(() => {
    const upTo = pausedAt.value ?? Number.POSITIVE_INFINITY;
    const q = query.value.trim().toLowerCase();
    return entries.value.filter(
      (e) =>
        e.seq > clearedAt.value &&
        e.seq <= upTo &&
        (q === '' || `${e.cookie.name}\n${e.cookie.domain}${e.cookie.path}`.toLowerCase().includes(q)),
    );
  });
  /** Entries that arrived while paused. */
  const waiting = computed(() => {
    const at = pausedAt.value;
    return at === null ? 0 : entries.value.filter((e) => e.seq > at).length;
  });

  function togglePause(): void {
    pausedAt.value = pausedAt.peek() === null ? lastSeq() : null;
  }

  function clearView(): void {
    clearedAt.value = lastSeq();
  }

  /** Entries dropped by the limit since the log last confirmed the live ones (confirmFromLog). */
  let droppedLive = 0;

  function keepNewest(list: readonly ChangeLogEntry[]): readonly ChangeLogEntry[] {
    if (list.length <= limit) return list;
    dropped.value += list.length - limit;
    droppedLive += list.length - limit;
    return list.slice(list.length - limit);
  }

  function setTimeline(list: readonly ChangeLogEntry[], droppedBefore: number, why: DroppedBy = {}): void {
    batch(() => {
      dropped.value = droppedBefore;
      droppedBy.value = why;
      entries.value = keepNewest([...list].sort((a, b) => a.seq - b.seq));
    });
    // All from the log: none of these drops was of a live entry.
    droppedLive = 0;
  }

  /** Appends live entries, skipping any whose sequence number the timeline already holds. */
  function appendTimeline(list: readonly ChangeLogEntry[]): void {
    if (list.length === 0) return;
    const seen = new Set(entries.value.map((e) => e.seq));
    const fresh = list.filter((e) => !seen.has(e.seq));
    if (fresh.length === 0) return;
    batch(() => {
      entries.value = keepNewest([...entries.value, ...fresh]);
    });
  }

  /**
   * The background's log after `confirmedSeq` (entries up to it came from the log already) in place of the entries
   * this page numbered itself after it: the log's own numbering, and what only the background records (what
   * SessionScope did on its own, changes no listener heard). `pending`: live entries the log does not hold yet,
   * kept after it.
   */
  function confirmFromLog(
    confirmedSeq: number,
    logged: readonly ChangeLogEntry[],
    pending: readonly ChangeLogEntry[],
  ): void {
    const kept = entries.value.filter((e) => e.seq <= confirmedSeq);
    const sorted = [...logged].sort((a, b) => a.seq - b.seq);
    let next = Math.max(confirmedSeq, sorted.length > 0 ? sorted[sorted.length - 1]!.seq : -1) + 1;
    const after = pending.map((e) => ({ ...e, seq: next++ }));
    const merged = [...kept, ...sorted, ...after];
    // The log's entries for changes that fell off the live list are the oldest here: they fall off again, counted once.
    const over = Math.max(0, merged.length - limit);
    batch(() => {
      dropped.value += Math.max(0, over - droppedLive);
      entries.value = merged.slice(over);
    });
    droppedLive = 0;
  }

  /** The next sequence number for an entry the page saw itself (watchCookies), after every known one. */
  function nextLocalSeq(): number {
    const t = entries.value;
    return t.length === 0 ? 1 : t[t.length - 1]!.seq + 1;
  }

  return {
    entries,
    dropped,
    droppedBy,
    pausedAt,
    clearedAt,
    query,
    shown,
    waiting,
    setTimeline,
    appendTimeline,
    confirmFromLog,
    nextLocalSeq,
    togglePause,
    clearView,
  };
}

export type TimelineSlice = ReturnType<typeof createTimelineSlice>;
