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
   * Told about storage calls that failed; the log reloads what did land and goes on. A rejected staging write
   * loses nothing while this instance lives (the batch is folded from memory); a rejected fold leaves its
   * batches staged, and they are folded again once the state is reloaded. Over the quota, the next fold first
   * drops the oldest quarter of the log.
   */
  onError?: (error: unknown) => void;
  capacity?: number;
  /** Names this instance's staged batches; defaults to the start time plus a random part (see stage-key.ts). */
  bootId?: string;
  /** Fold as soon as this many changes are staged (default: a chunk's worth). */
  foldAt?: number;
  /** Otherwise fold once no change has been staged for this long (default 300 ms; up to twice as late). */
  foldIdleMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface ChangeLog {
  /** Synchronous on purpose: called from the `cookies.onChanged` listener, it must never drop an event. */
  record(change: { cookie: CookieRecord; removed: boolean; cause: ChangeCause }): void;
  query(query: LogQuery): Promise<ChangeLogResult>;
  /** Empties the log; resolves to how many entries it held. */
  clear(): Promise<number>;
  /** Resolves when every change recorded so far is folded into the chunks and no storage call is outstanding. */
  settled(): Promise<void>;
}

export const FOLD_AT = CHUNK_SIZE;
export const FOLD_IDLE_MS = 300;

/**
 * The persistent change log. The MV3 worker may be stopped between any two tasks, so nothing lives only
 * here: every batch is issued to storage in the same task its events arrived in (a microtask flush), and
 * calls are issued in order without waiting for the previous one, because a call already issued completes in
 * the browser process while one still waiting in this worker dies with it.
 *
 * Chromium drops the events still queued for a worker when it stops it, so the time the listener path takes
 * per event decides how many a stop costs. Each batch is therefore written as only its own changes, under
 * its own staged key `log:stage:<bootId>:<n>`: a small write whatever the state of the log. Staged batches
 * (this instance's, and any a stopped instance left) are folded into the chunked log later, in one `set`
 * that also marks their keys folded: once a chunk's worth is staged, after a short idle, and before a query
 * or a clear answers. Folds are issued one at a time, each after the previous one landed, so a rejected fold
 * can never be overtaken by a later one that builds on it. The in-memory state is a cache of what was issued
 * (the meta and the chunk being filled); a restarted worker loads it from storage before its first fold.
 */
export function createChangeLog(deps: ChangeLogDeps): ChangeLog {
  const { store, now } = deps;
  const capacity = deps.capacity ?? LOG_CAPACITY;
  const bootId = deps.bootId ?? makeBootId(now(), Math.random());
  const foldAt = Math.max(1, deps.foldAt ?? FOLD_AT);
  const foldIdleMs = deps.foldIdleMs ?? FOLD_IDLE_MS;
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  const report = (error: unknown): void => deps.onError?.(error);
  let state: LogState | undefined;
  let loading: Promise<void> | undefined;
  /** Recorded in this task, staged at its end (or folded directly by a query that comes first). */
  const pending: TimedChange[] = [];
  /** This instance's staged batches not yet folded, in the order they were staged. */
  let staged: StagedBatch[] = [];
  /** Batches other (stopped) instances staged and left unfolded, as the last load found them. */
  let foreign: StagedBatch[] = [];
  /** Changes in `staged` and `foreign`. */
  let unfolded = 0;
  let stageCount = 0;
  let scheduled = false;
  let trimBeforeNextWrite = false;
  /** Settles once the last issued fold or clear has landed (or failed); no other is issued before. */
  let folding: Promise<void> | undefined;
  let timer: unknown;
  let timerIsIdle = false;
  /** A batch was staged since the idle timer was armed: the idle has not been reached yet. */
  let stagedSinceArmed = false;
  const inflight = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }

  function isQuota(error: unknown): boolean {
    return /quota/i.test(String(error));
  }

  function fail(error: unknown): void {
    // What landed is unknown now: drop the cache so the next batch starts from what storage holds. The batches
    // of a failed fold are still staged in storage (the fold's set lands whole or not at all), and are read
    // back as foreign by the next load.
    state = undefined;
    if (isQuota(error)) trimBeforeNextWrite = true;
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
    unfolded = count(staged) + count(foreign);
    const sweep = [...orphanChunkKeys(meta, capacity), ...folded];
    if (sweep.length > 0) track(store.remove(sweep).catch(report));
  }

  function count(batches: readonly StagedBatch[]): number {
    let n = 0;
    for (const b of batches) n += b.changes.length;
    return n;
  }

  function ensureLoaded(): Promise<void> {
    if (state !== undefined) return Promise.resolve();
    loading ??= loadState().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  function load(): void {
    track(ensureLoaded().then(planFold, report));
  }

  function issue(write: LogWrite): Promise<void> {
    state = write.state;
    const landed = store.set(write.set);
    // Freed chunks and folded staged keys are removed only after the set that makes them dead has landed.
    const done = landed.then(() => (write.remove.length > 0 ? store.remove(write.remove) : undefined)).catch(fail);
    track(done);
    const next: Promise<void> = landed.then(
      () => undefined,
      () => undefined,
    );
    const turn = next.then(() => {
      if (folding !== turn) return;
      folding = undefined;
      // After a failure the state is unknown: the next batch, query or clear reloads it, not a retry loop here.
      if (state !== undefined) planFold();
    });
    folding = turn;
    return done;
  }

  function cancelTimer(): void {
    if (timer === undefined) return;
    clearTimer(timer);
    timer = undefined;
  }

  function arm(ms: number): void {
    timerIsIdle = ms > 0;
    stagedSinceArmed = false;
    timer = setTimer(onTimer, ms);
  }

  function onTimer(): void {
    timer = undefined;
    if (state === undefined || folding !== undefined) {
      // The load or the fold in flight plans the next fold when it is done.
      planFold();
      return;
    }
    if (timerIsIdle && stagedSinceArmed && unfolded < foldAt) {
      arm(foldIdleMs);
      return;
    }
    fold([]);
  }

  /** Decides when the staged batches are folded: soon once a chunk's worth is staged, else after an idle. */
  function planFold(): void {
    if (state === undefined) {
      if (loading === undefined) load();
      return;
    }
    if (folding !== undefined || unfolded === 0) return;
    if (unfolded >= foldAt) {
      if (timer !== undefined && !timerIsIdle) return;
      cancelTimer();
      // A task of its own: the events already queued behind this one are staged first.
      arm(0);
      return;
    }
    if (timer === undefined) arm(foldIdleMs);
    else stagedSinceArmed = true;
  }

  /** The hot path: only this task's changes, under a key of their own. */
  function stagePending(): void {
    scheduled = false;
    if (pending.length === 0) return;
    const changes = pending.splice(0);
    const key = stageKey(bootId, stageCount++);
    staged.push({ key, changes });
    unfolded += changes.length;
    // A rejected stage loses nothing while this instance lives: the batch is folded from memory.
    track(
      store.set({ [key]: changes }).catch((error: unknown) => {
        if (isQuota(error)) trimBeforeNextWrite = true;
        report(error);
      }),
    );
    planFold();
  }

  /** Issues every staged batch, then `after`, into the chunks. Needs the state, and no fold in flight. */
  function fold(after: TimedChange[]): void {
    if (state === undefined) return;
    cancelTimer();
    if (unfolded === 0 && after.length === 0) return;
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
    unfolded = 0;
    issue(batches.length > 0 ? foldStaged(state, batches, after, capacity) : appendToLog(state, after, capacity));
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(stagePending);
  }

  /**
   * Runs `use` with the loaded state once everything recorded and staged has been issued to the chunks. `use`
   * runs synchronously after the fold, so no other write can slip in between and leave it with a stale state.
   */
  async function withState<T>(use: (current: LogState) => T): Promise<T> {
    for (;;) {
      await ensureLoaded();
      if (folding !== undefined) {
        await folding;
        continue;
      }
      if (state === undefined) continue;
      // What is still pending goes straight into the chunks: staging it first would only add a write.
      fold(pending.splice(0));
      if (state !== undefined) return use(state);
    }
  }

  // Load at once rather than on the first event: the first fold need not wait for storage.
  load();

  return {
    record(change) {
      pending.push({ time: now(), cause: change.cause, removed: change.removed, cookie: change.cookie });
      schedule();
    },

    async query(query) {
      // The get is issued after the fold's set, so the browser answers with it applied.
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
        if (pending.length > 0 || unfolded > 0) await withState(() => undefined);
        if (inflight.size === 0 && !scheduled && loading === undefined && folding === undefined) {
          cancelTimer();
          return;
        }
        await Promise.allSettled([...inflight, ...(folding ? [folding] : [])]);
        await Promise.resolve();
      }
    },
  };
}
