import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import { appendToLog } from '../core/timeline/append-to-log';
import type { TimedChange } from '../core/timeline/change-log-entry';
import { clearLog } from '../core/timeline/clear-log';
import { filterEntries, type LogQuery } from '../core/timeline/filter-entries';
import {
  CHUNK_SIZE,
  chunkIndex,
  chunkKey,
  LOG_CAPACITY,
  META_KEY,
  parseChunk,
  parseMeta,
  type LogState,
} from '../core/timeline/log-layout';
import type { LogWrite } from '../core/timeline/log-write';
import { trimLog } from '../core/timeline/trim-log';
import { chunkKeysToRead, entriesFromChunks, orphanChunkKeys } from '../core/timeline/read-log';
import type { ChangeLogResult } from '../protocol/messages';
import type { KeyValueArea } from './key-value-area';

export interface ChangeLogDeps {
  store: KeyValueArea;
  now: () => number;
  /**
   * Told about storage calls that failed; the log reloads what did land and goes on (the changes in a
   * rejected write are lost). Over the quota, it first drops the oldest quarter of the log.
   */
  onError?: (error: unknown) => void;
  capacity?: number;
}

export interface ChangeLog {
  /** Synchronous on purpose: called from the `cookies.onChanged` listener, it must never drop an event. */
  record(change: { cookie: CookieRecord; removed: boolean; cause: ChangeCause }): void;
  query(query: LogQuery): Promise<ChangeLogResult>;
  /** Empties the log; resolves to how many entries it held. */
  clear(): Promise<number>;
  /** Resolves when every change recorded so far is written and no storage call is outstanding (tests). */
  settled(): Promise<void>;
}

/**
 * The persistent change log. The MV3 worker may be stopped between any two tasks, so nothing lives only
 * here: every batch is issued to storage in the same task its events arrived in (a microtask flush), and
 * calls are issued in order without waiting for the previous one, because a call already issued completes in
 * the browser process while one still waiting in this worker dies with it. The in-memory state is a cache
 * of what was issued (the meta and the chunk being filled), loaded again from storage after a restart.
 */
export function createChangeLog(deps: ChangeLogDeps): ChangeLog {
  const { store, now } = deps;
  const capacity = deps.capacity ?? LOG_CAPACITY;
  let state: LogState | undefined;
  let loading: Promise<void> | undefined;
  const pending: TimedChange[] = [];
  let scheduled = false;
  let trimBeforeNextWrite = false;
  const inflight = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }

  function fail(error: unknown): void {
    // What landed is unknown now: drop the cache so the next batch starts from what storage holds.
    state = undefined;
    if (/quota/i.test(String(error))) trimBeforeNextWrite = true;
    deps.onError?.(error);
  }

  async function loadState(): Promise<void> {
    const got = await store.get([META_KEY]);
    const meta = parseMeta(got[META_KEY]);
    let tail: LogState['tail'] = [];
    if (meta.nextSeq % CHUNK_SIZE !== 0 && meta.nextSeq > meta.firstSeq) {
      const key = chunkKey(chunkIndex(meta.nextSeq));
      tail = parseChunk((await store.get([key]))[key], meta);
    }
    state = { meta, tail };
    const orphans = orphanChunkKeys(meta, capacity);
    if (orphans.length > 0) track(store.remove(orphans).catch(deps.onError ?? (() => undefined)));
  }

  function ensureLoaded(): Promise<void> {
    if (state !== undefined) return Promise.resolve();
    loading ??= loadState().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  function issue(write: LogWrite): Promise<void> {
    state = write.state;
    const landed = store.set(write.set);
    // Freed chunks are removed only after the meta that excludes them has landed (see LogWrite).
    const done = landed.then(() => (write.remove.length > 0 ? store.remove(write.remove) : undefined)).catch(fail);
    track(done);
    return done;
  }

  /** Issues everything pending now, if the state is loaded; otherwise loads it and comes back. */
  function flush(): void {
    scheduled = false;
    if (pending.length === 0) return;
    if (state === undefined) {
      track(ensureLoaded().then(schedule, (error: unknown) => deps.onError?.(error)));
      return;
    }
    if (trimBeforeNextWrite) {
      trimBeforeNextWrite = false;
      // Freed at once, not after the meta lands: the append just below needs the space.
      const trim = trimLog(state, Math.ceil(capacity / 4));
      state = trim.state;
      track(Promise.all([store.set(trim.set), store.remove(trim.remove)]).catch(fail));
    }
    issue(appendToLog(state, pending.splice(0), capacity));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  }

  /**
   * Runs `use` with the loaded state once everything pending has been issued. `use` runs synchronously after
   * the check, so no flush can slip in between and leave it with a stale state.
   */
  async function withState<T>(use: (current: LogState) => T): Promise<T> {
    for (;;) {
      await ensureLoaded();
      flush();
      if (state !== undefined) return use(state);
    }
  }

  return {
    record(change) {
      pending.push({ time: now(), cause: change.cause, removed: change.removed, cookie: change.cookie });
      schedule();
    },

    async query(query) {
      // The get is issued after every pending set, so the browser answers with them applied.
      const [meta, read] = await withState(
        (s) => [s.meta, store.get(chunkKeysToRead(s.meta, query.afterSeq))] as const,
      );
      const stored = await read;
      const entries = filterEntries(entriesFromChunks(meta, stored), query);
      return { ok: true, entries, dropped: meta.dropped, capacity };
    },

    async clear() {
      const [held, done] = await withState((s) => [s.meta.nextSeq - s.meta.firstSeq, issue(clearLog(s))] as const);
      await done;
      return held;
    },

    async settled() {
      while (inflight.size > 0 || pending.length > 0 || scheduled) {
        if (pending.length > 0 && !scheduled) schedule();
        await Promise.allSettled([...inflight]);
        await Promise.resolve();
      }
    },
  };
}
