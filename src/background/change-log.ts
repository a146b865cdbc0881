import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import type { TimedChange } from '../core/timeline/change-log-entry';
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
import { chunkKeysToRead, entriesFromChunks } from '../core/timeline/read-log';
import { isStageKey, makeBootId } from '../core/timeline/stage-key';
import { parseStagedBatch, type StagedBatch } from '../core/timeline/staged-batch';
import type { ChangeLogResult } from '../protocol/messages';
import {
  initialMachine,
  step,
  type LogEffect,
  type LogEvent,
  type MachineConfig,
  type RefusedWrite,
} from './change-log-machine';
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
 * or a clear answers. The in-memory log is a cache of what was issued (the meta and the chunk being filled);
 * a restarted worker loads it from storage before its first fold.
 *
 * When to do what is decided by the state machine in `change-log-machine.ts`; this file only carries out its
 * effects (storage calls and timers) and feeds their outcomes back to it.
 */
export function createChangeLog(deps: ChangeLogDeps): ChangeLog {
  const { store, now } = deps;
  const config: MachineConfig = {
    capacity: deps.capacity ?? LOG_CAPACITY,
    bootId: deps.bootId ?? makeBootId(now(), Math.random()),
    foldAt: Math.max(1, deps.foldAt ?? FOLD_AT),
    foldIdleMs: deps.foldIdleMs ?? FOLD_IDLE_MS,
  };
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let machine = initialMachine();
  /** Recorded in this task, staged at its end (or folded directly by a query that comes first). */
  const pending: TimedChange[] = [];
  let scheduled = false;
  /** The load in flight, while the phase is `loading`; rejects when the load fails. */
  let loading: Promise<void> | undefined;
  /** The newest log write: `landed` settles with its set, `done` once what it frees is removed too. */
  let lastWrite = { landed: Promise.resolve(), done: Promise.resolve() };
  let timer: unknown;
  const inflight = new Set<Promise<unknown>>();

  function track(p: Promise<unknown>): void {
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }

  function dispatch(event: LogEvent): void {
    const next = step(machine, event, config);
    machine = next.machine;
    for (const effect of next.effects) run(effect);
  }

  const refused =
    (write: RefusedWrite) =>
    (error: unknown): void =>
      dispatch({ type: 'refused', write, error });

  function run(effect: LogEffect): void {
    switch (effect.do) {
      case 'stage':
        track(store.set({ [effect.key]: effect.changes }).catch(refused('stage')));
        return;
      case 'load':
        startLoad();
        return;
      case 'write':
        startWrite(effect.write, effect.turn);
        return;
      case 'trim':
        track(Promise.all([store.set(effect.write.set), store.remove(effect.write.remove)]).catch(refused('log')));
        return;
      case 'sweep':
        track(store.remove(effect.keys).catch(refused('sweep')));
        return;
      case 'arm':
        timer = setTimer(() => {
          timer = undefined;
          dispatch({ type: 'timer' });
        }, effect.ms);
        return;
      case 'disarm':
        if (timer !== undefined) clearTimer(timer);
        timer = undefined;
        return;
      case 'report':
        deps.onError?.(effect.error);
        return;
    }
  }

  async function listKeys(): Promise<{ keys: string[]; known: Record<string, unknown> }> {
    if (store.getKeys) {
      const [known, keys] = await Promise.all([store.get([META_KEY]), store.getKeys()]);
      return { keys, known };
    }
    const all = await store.get(null);
    return { keys: Object.keys(all), known: all };
  }

  async function readLog(): Promise<Extract<LogEvent, { type: 'loaded' }>> {
    const { keys, known } = await listKeys();
    const meta = parseMeta(known[META_KEY]);
    const tailKey =
      meta.nextSeq % CHUNK_SIZE !== 0 && meta.nextSeq > meta.firstSeq ? chunkKey(chunkIndex(meta.nextSeq)) : undefined;
    // This instance's own batches are folded from memory; any key listed now was staged before the listing.
    const mine = new Set(machine.staged.map((b) => b.key));
    const stageKeys = keys.filter((k) => isStageKey(k) && !mine.has(k));
    const wanted = [...(tailKey ? [tailKey] : []), ...stageKeys].filter((k) => !(k in known));
    const got = wanted.length > 0 ? { ...known, ...(await store.get(wanted)) } : known;

    const foreign: StagedBatch[] = [];
    const folded: string[] = [];
    for (const key of stageKeys) {
      const changes = parseStagedBatch(got[key]);
      if (changes === undefined) folded.push(key);
      else foreign.push({ key, changes });
    }
    return { type: 'loaded', log: { meta, tail: tailKey ? parseChunk(got[tailKey], meta) : [] }, foreign, folded };
  }

  function startLoad(): void {
    const load = readLog().then(
      (loaded) => {
        loading = undefined;
        dispatch(loaded);
      },
      (error: unknown) => {
        loading = undefined;
        dispatch({ type: 'load-failed', error });
        throw error;
      },
    );
    loading = load;
    track(load.catch(() => undefined));
  }

  function startWrite(write: LogWrite, turn: number): void {
    let removed: Promise<void> = Promise.resolve();
    const landed = store.set(write.set).then(() => {
      // Freed chunks and folded staged keys are removed only after the set that makes them dead has landed.
      if (write.remove.length > 0) removed = store.remove(write.remove).catch(refused('log'));
      dispatch({ type: 'landed', turn });
    }, refused('log'));
    const done = landed.then(() => removed);
    track(done);
    lastWrite = { landed, done };
  }

  /** Resolves once the log is in memory (at once when it is), starting a load if none is in flight. */
  function loaded(): Promise<void> {
    dispatch({ type: 'need' });
    return loading ?? Promise.resolve();
  }

  function stagePending(): void {
    scheduled = false;
    if (pending.length === 0) return;
    dispatch({ type: 'stage', changes: pending.splice(0) });
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(stagePending);
  }

  /**
   * Runs `use` with the loaded log once everything recorded and staged has been issued to the chunks. `use`
   * runs synchronously after the fold, so no other write can slip in between and leave it with a stale log.
   */
  async function withLog<T>(use: (log: LogState) => T): Promise<T> {
    for (;;) {
      await loaded();
      if (machine.phase.name === 'writing') {
        await lastWrite.landed;
        continue;
      }
      if (machine.phase.name !== 'ready') continue;
      // What is still pending goes straight into the chunks: staging it first would only add a write.
      dispatch({ type: 'flush', after: pending.splice(0) });
      const { phase } = machine;
      if (phase.name === 'ready' || phase.name === 'writing') return use(phase.log);
    }
  }

  // Load at once rather than on the first event: the first fold need not wait for storage.
  dispatch({ type: 'need' });

  return {
    record(change) {
      pending.push({ time: now(), cause: change.cause, removed: change.removed, cookie: change.cookie });
      schedule();
    },

    async query(query) {
      // The get is issued after the fold's set, so the browser answers with it applied.
      const [meta, read] = await withLog(
        (log) => [log.meta, store.get(chunkKeysToRead(log.meta, query.afterSeq))] as const,
      );
      const stored = await read;
      const entries = filterEntries(entriesFromChunks(meta, stored), query);
      return { ok: true, entries, dropped: meta.dropped, capacity: config.capacity };
    },

    async clear() {
      const [held, done] = await withLog((log) => {
        dispatch({ type: 'clear' });
        return [log.meta.nextSeq - log.meta.firstSeq, lastWrite.done] as const;
      });
      await done;
      return held;
    },

    async settled() {
      for (;;) {
        if (pending.length > 0 || machine.unfolded > 0) await withLog(() => undefined);
        if (inflight.size === 0 && !scheduled && loading === undefined && machine.phase.name !== 'writing') {
          dispatch({ type: 'quiet' });
          return;
        }
        await Promise.allSettled([...inflight, ...(machine.phase.name === 'writing' ? [lastWrite.landed] : [])]);
        await Promise.resolve();
      }
    },
  };
}
