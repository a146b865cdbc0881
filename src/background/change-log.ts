import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import { appendToLog } from '../core/timeline/append-to-log';
import type { TimedChange } from '../core/timeline/change-log-entry';
import { clearLog } from '../core/timeline/clear-log';
import { filterEntries, type LogQuery } from '../core/timeline/filter-entries';
import { foldStaged } from '../core/timeline/fold-staged';
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
import { chunkKeysToRead, entriesFromChunks, orphanChunkKeys } from '../core/timeline/read-log';
import { isStageKey, makeBootId, stageKey } from '../core/timeline/stage-key';
import { parseStagedBatch, type StagedBatch } from '../core/timeline/staged-batch';
import { trimLog } from '../core/timeline/trim-log';
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
  /** Names this instance's staged batches; defaults to the start time plus a random part (see stage-key.ts). */
  bootId?: string;
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
 * the browser process while one still waiting in this worker dies with it.
 *
 * A restarted worker does not know the log's state until storage has answered, and a stop can come before
 * that. So batches are never held for the state: until it is loaded, each is written at once to its own
 * staged key; once it is loaded, every staged batch (this instance's, and any a stopped instance left) is
 * folded into the chunked log in one `set`, and later batches go straight to the chunks. The in-memory state
 * is a cache of what was issued (the meta and the chunk being filled).
 */
export function createChangeLog(deps: ChangeLogDeps): ChangeLog {
  const { store, now } = deps;
  const capacity = deps.capacity ?? LOG_CAPACITY;
  const bootId = deps.bootId ?? makeBootId(now(), Math.random());
  const report = (error: unknown): void => deps.onError?.(error);
  let state: LogState | undefined;
  let loading: Promise<void> | undefined;
  const pending: TimedChange[] = [];
  /** This instance's staged batches not yet folded, in the order they were staged. */
  let staged: StagedBatch[] = [];
  let foreign: StagedBatch[] = [];
  let stageCount = 0;
  let scheduled = false;
  let trimBeforeNextWrite = false;
  const inflight = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }

  function fail(error: unknown): void {
    // What landed is unknown now: drop the cache so the next batch starts from what storage holds. This
    // instance's staged keys that were in the failed fold are still in storage, and are read back as foreign.
    state = undefined;
    if (/quota/i.test(String(error))) trimBeforeNextWrite = true;
    report(error);
  }

  async function listKeys(): Promise<{ keys: string[]; known: Record<string, unknown> }> {
    if (store.getKeys) {
      const [known, keys] = await Promise.all([store.get([META_KEY]), store.getKeys()]);
      return { keys, known };
    }
    const all = await store.get(null);
    return { keys: Object.keys(all), known: all };
  }

  async function loadState(): Promise<void> {
    const { keys, known } = await listKeys();
    const meta = parseMeta(known[META_KEY]);
    const tailKey =
      meta.nextSeq % CHUNK_SIZE !== 0 && meta.nextSeq > meta.firstSeq ? chunkKey(chunkIndex(meta.nextSeq)) : undefined;
    const mine = new Set(staged.map((b) => b.key));
    const stageKeys = keys.filter((k) => isStageKey(k) && !mine.has(k));
    const wanted = [...(tailKey ? [tailKey] : []), ...stageKeys].filter((k) => !(k in known));
    const got = wanted.length > 0 ? { ...known, ...(await store.get(wanted)) } : known;

    const left: StagedBatch[] = [];
    const folded: string[] = [];
    for (const key of stageKeys) {
      const changes = parseStagedBatch(got[key]);
      if (changes === undefined) folded.push(key);
      else left.push({ key, changes });
    }
    state = { meta, tail: tailKey ? parseChunk(got[tailKey], meta) : [] };
    foreign = left;
    const sweep = [...orphanChunkKeys(meta, capacity), ...folded];
    if (sweep.length > 0) track(store.remove(sweep).catch(report));
  }

  function ensureLoaded(): Promise<void> {
    if (state !== undefined) return Promise.resolve();
    loading ??= loadState().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  function load(): void {
    track(ensureLoaded().then(schedule, report));
  }

  function issue(write: LogWrite): Promise<void> {
    state = write.state;
    const landed = store.set(write.set);
    // Freed chunks and folded staged keys are removed only after the set that makes them dead has landed.
    const done = landed.then(() => (write.remove.length > 0 ? store.remove(write.remove) : undefined)).catch(fail);
    track(done);
    return done;
  }

  function stage(changes: TimedChange[]): void {
    const key = stageKey(bootId, stageCount++);
    staged.push({ key, changes });
    // A rejected stage loses nothing while this instance lives: the batch is folded from memory.
    track(store.set({ [key]: changes }).catch(report));
  }

  /** Issues everything pending now: staged while the state is unknown, into the chunks once it is loaded. */
  function flush(): void {
    scheduled = false;
    if (state === undefined) {
      if (pending.length > 0) stage(pending.splice(0));
      if (staged.length > 0 || foreign.length > 0) load();
      return;
    }
    if (pending.length === 0 && staged.length === 0 && foreign.length === 0) return;
    if (trimBeforeNextWrite) {
      trimBeforeNextWrite = false;
      // Freed at once, not after the meta lands: the append just below needs the space.
      const trim = trimLog(state, Math.ceil(capacity / 4));
      state = trim.state;
      track(Promise.all([store.set(trim.set), store.remove(trim.remove)]).catch(fail));
    }
    const batches = [...foreign, ...staged];
    foreign = [];
    staged = [];
    const after = pending.splice(0);
    issue(batches.length > 0 ? foldStaged(state, batches, after, capacity) : appendToLog(state, after, capacity));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  }

  /**
   * Runs `use` with the loaded state once everything pending and staged has been issued to the chunks. `use`
   * runs synchronously after the check, so no flush can slip in between and leave it with a stale state.
   */
  async function withState<T>(use: (current: LogState) => T): Promise<T> {
    for (;;) {
      await ensureLoaded();
      flush();
      if (state !== undefined) return use(state);
    }
  }

  // Load at once rather than on the first event: the sooner the state is known, the fewer batches are staged.
  load();

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
      for (;;) {
        if (pending.length > 0 || staged.length > 0 || foreign.length > 0) schedule();
        if (inflight.size === 0 && !scheduled) return;
        await Promise.allSettled([...inflight]);
        await Promise.resolve();
      }
    },
  };
}
