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

  function keepNewest(list: readonly ChangeLogEntry[]): readonly ChangeLogEntry[] {
    if (list.length <= limit) return list;
    dropped.value += list.length - limit;
    return list.slice(list.length - limit);
  }

  function setTimeline(list: readonly ChangeLogEntry[], droppedBefore: number, why: DroppedBy = {}): void {
    batch(() => {
      dropped.value = droppedBefore;
      droppedBy.value = why;
      entries.value = keepNewest([...list].sort((a, b) => a.seq - b.seq));
    });
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
    nextLocalSeq,
    togglePause,
    clearView,
  };
}

export type TimelineSlice = ReturnType<typeof createTimelineSlice>;
