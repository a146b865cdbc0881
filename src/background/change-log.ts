import { cookieKey } from '../core/cookie/cookie-key';
import type { ChangeCause, CookieRecord } from '../core/cookie/cookie-record';
import type { GuardCause } from '../core/timeline/change-log-entry';
import { cutChange } from '../core/timeline/cut-change';
import { filterEntries, type LogQuery } from '../core/timeline/filter-entries';
import { applyToKnown, JAR_KEY, parseSnapshot, type KnownJar } from '../core/timeline/known-jar';
import {
  CHUNK_SIZE,
  chunkIndex,
  chunkKey,
  LOG_BYTE_BUDGET,
  LOG_CAPACITY,
  META_KEY,
  parseChunk,
  parseMeta,
  type LogState,
} from '../core/timeline/log-layout';
import type { TimedChange } from '../core/timeline/change-log-entry';
import type { LogWrite } from '../core/timeline/log-write';
import { chunkKeysToRead, entriesFromChunks } from '../core/timeline/read-log';
import { reconcileJar } from '../core/timeline/reconcile-jar';
import { compareStageKeys, isStageKey, makeBootId } from '../core/timeline/stage-key';
import { encodeStagedBatch, parseStagedBatch, type StagedBatch } from '../core/timeline/staged-batch';
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
  /** How many bytes the chunks may hold (default: see LOG_BYTE_BUDGET). */
  byteBudget?: number;
  /**
   * Every cookie in the jar, every store and partition. With it, each instance compares the jar with the log's
   * last word on every cookie once it has loaded the log, and records each difference as `unobserved`.
   */
  readJar?: () => Promise<CookieRecord[]>;
  /** Names this instance's staged batches; defaults to the start time plus a random part (see stage-key.ts). */
  bootId?: string;
  /** Fold as soon as this many changes are staged (default: a chunk's worth). */
  foldAt?: number;
  /**
   * How long the comparison with the jar waits after the log has loaded (default 0). The event that woke a
   * stopped worker is dispatched after its script has run and can arrive after a fast load: compared before it
   * arrives, the cookie it reports looks changed unseen and is logged twice (as `unobserved`, then as itself).
   */
  reconcileDelayMs?: number;
  /** Otherwise fold once no change has been staged for this long (default 300 ms; up to twice as late). */
  foldIdleMs?: number;
  /**
   * With it, the start's reads (the jar, the log and the batches stopped instances staged) and the comparison
   * with the jar wait until no change has been recorded for this long (up to twice as late), or until a query,
   * a clear or `settled` needs the log, and never longer than `QUIET_WAIT_PERIODS` periods: a page that changes
   * a cookie more often than that, for ever, must not keep the log from folding. Default: they start at once.
   * See `createChangeLog`.
   */
  startQuietMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface RecordedChange {
  cookie: CookieRecord;
  removed: boolean;
  cause: ChangeCause | GuardCause;
}

export interface ChangeLog {
  /** Synchronous on purpose: called from the `cookies.onChanged` listener, it must never drop an event. */
  record(change: RecordedChange): void;
  /** Stages several changes the listener received in a row under one key: one write for all of them. */
  recordAll(changes: readonly RecordedChange[]): void;
  query(query: LogQuery): Promise<ChangeLogResult>;
  /** Empties the log; resolves to how many entries it held. */
  clear(): Promise<number>;
  /** Resolves when every change recorded so far is folded into the chunks and no storage call is outstanding. */
  settled(): Promise<void>;
}

export const FOLD_AT = CHUNK_SIZE;
/** How many `startQuietMs` periods the start's work waits at most for a pause (see `startQuietMs`). */
export const QUIET_WAIT_PERIODS = 20;
export const FOLD_IDLE_MS = 300;

/**
 * The persistent change log. The MV3 worker may be stopped between any two tasks, so nothing lives only
 * here: every change is issued to storage inside the listener that received it, and calls are issued in
 * order without waiting for the previous one, because a call already issued completes in the browser process
 * while one still waiting in this worker dies with it.
 *
 * Chromium drops the events still queued for a worker when it stops it, so the time the listener path takes
 * per event decides how many a stop costs. Each change is therefore cut to the log's budget and written as
 * only itself, under its own staged key `log:stage:<bootId>:<n>`: a small write whatever the state of the
 * log, as soon as the event arrives. What Chromium never delivered is found at the next start instead, by
 * comparing the jar with the log (`readJar`), and recorded as `unobserved`. Staged batches
 * (this instance's, and any a stopped instance left) are folded into the chunked log later, in one `set`
 * that also marks their keys folded: once a chunk's worth is staged, after a short idle, and before a query
 * or a clear answers. The in-memory log is a cache of what was issued (the meta and the chunk being filled);
 * a restarted worker loads it from storage before its first fold.
 *
 * A worker started in a storm (each stop of one starts another) finds every batch its stopped predecessors
 * staged since the last fold: reading and parsing them, and comparing the jar with them, are the longest tasks
 * of its first second, and the events queued behind them are what the next stop drops. With `startQuietMs`,
 * that work waits for a pause in the changes, when the fold would come anyway; staging never waits for it.
 *
 * When to do what is decided by the state machine in `change-log-machine.ts`; this file only carries out its
 * effects (storage calls and timers) and feeds their outcomes back to it.
 */
export function createChangeLog(deps: ChangeLogDeps): ChangeLog {
  const { store, now } = deps;
  const config: MachineConfig = {
    capacity: deps.capacity ?? LOG_CAPACITY,
    byteBudget: deps.byteBudget ?? LOG_BYTE_BUDGET,
    reconcile: deps.readJar !== undefined,
    bootId: deps.bootId ?? makeBootId(now(), Math.random()),
    foldAt: Math.max(1, deps.foldAt ?? FOLD_AT),
    foldIdleMs: deps.foldIdleMs ?? FOLD_IDLE_MS,
  };
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let machine = initialMachine();
  /** The load in flight, while the phase is `loading`; rejects when the load fails. */
  let loading: Promise<void> | undefined;
  /** The comparison with the jar, while the phase is `reconciling`. */
  let reconciling: Promise<void> | undefined;
  /** The log's last word on every cookie as the last load found it; undefined: no snapshot, so no baseline. */
  let loadedKnown: KnownJar | undefined;
  /**
   * The jar, read once the start's work may begin (see `startQuietMs`), and the cookies changes were recorded
   * for since the read was issued: for them the jar may be older than the log's word, so the comparison leaves
   * them alone.
   */
  let jarRead: Promise<CookieRecord[]> | undefined;
  let touched: Set<string> | undefined;
  function readJar(): void {
    if (jarRead !== undefined || deps.readJar === undefined) return;
    jarRead = deps.readJar();
    jarRead.catch(() => undefined);
    touched = new Set();
  }
  /**
   * Changes recorded so far, and whether the log has been needed (a query, a clear, `settled`): from then on
   * nothing waits for a pause.
   */
  let recorded = 0;
  let hurried = false;
  const waiting = new Set<() => void>();
  /**
   * Resolves once no change was recorded for a whole `startQuietMs` (at once without it, or once hurried), or
   * after `QUIET_WAIT_PERIODS` periods whatever came.
   */
  function quiet(): Promise<void> {
    const ms = deps.startQuietMs ?? 0;
    if (ms <= 0 || hurried) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        waiting.delete(done);
        resolve();
      };
      waiting.add(done);
      let seen = recorded;
      let periods = 0;
      const check = (): void => {
        if (!waiting.has(done)) return;
        periods += 1;
        if (recorded === seen || periods >= QUIET_WAIT_PERIODS) return done();
        seen = recorded;
        setTimer(check, ms);
      };
      setTimer(check, ms);
    });
  }
  function hurry(): void {
    hurried = true;
    for (const done of [...waiting]) done();
  }
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
        track(store.set({ [effect.key]: encodeStagedBatch(effect.changes) }).catch(refused('stage')));
        return;
      case 'load':
        startLoad();
        return;
      case 'reconcile':
        startReconcile();
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
      const first = config.reconcile ? [META_KEY, JAR_KEY] : [META_KEY];
      const [known, keys] = await Promise.all([store.get(first), store.getKeys()]);
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
    // The entries since the last snapshot, to bring it up to the log's last word on every cookie.
    const snapshot = config.reconcile ? parseSnapshot(known[JAR_KEY]) : undefined;
    const valid = snapshot !== undefined && snapshot.throughSeq <= meta.nextSeq ? snapshot : undefined;
    const replayKeys = valid ? chunkKeysToRead(meta, valid.throughSeq - 1) : [];
    const wanted = [...new Set([...(tailKey ? [tailKey] : []), ...stageKeys, ...replayKeys])].filter(
      (k) => !(k in known),
    );
    const got = wanted.length > 0 ? { ...known, ...(await store.get(wanted)) } : known;
    if (valid) {
      for (const e of entriesFromChunks(meta, got)) if (e.seq >= valid.throughSeq) applyToKnown(valid.known, e);
    }
    loadedKnown = valid?.known;

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
    const read = (): ReturnType<typeof readLog> => (readJar(), readLog());
    const load = (deps.startQuietMs && !hurried ? quiet().then(read) : read()).then(
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

  /**
   * Compares the jar with the log's last word on every cookie: the snapshot and entries the load read, then
   * every batch staged since (a stopped instance's first, in start order, then this instance's), as the fold
   * will order them. Without a snapshot there is no last word yet: the jar is taken as it is, as the baseline.
   */
  async function reconcile(): Promise<Extract<LogEvent, { type: 'reconciled' }>> {
    let jar: CookieRecord[];
    if (deps.reconcileDelayMs) await new Promise<void>((resolve) => setTimeout(resolve, deps.reconcileDelayMs));
    if (deps.startQuietMs) await quiet();
    try {
      jar = (await jarRead) ?? [];
    } catch (error) {
      touched = undefined;
      deps.onError?.(error);
      return { type: 'reconciled', changes: [], known: undefined };
    }
    const known: KnownJar = new Map(loadedKnown ?? []);
    const foreign = [...machine.foreign].sort((a, b) => compareStageKeys(a.key, b.key));
    for (const batch of [...foreign, ...machine.staged]) for (const c of batch.changes) applyToKnown(known, c);
    const result = reconcileJar(known, jar, touched ?? new Set(), now());
    touched = undefined;
    return { type: 'reconciled', changes: loadedKnown ? result.changes : [], known: result.known };
  }

  function startReconcile(): void {
    const run = reconcile().then((event) => {
      reconciling = undefined;
      dispatch(event);
    });
    reconciling = run;
    track(run);
  }

  function startWrite(write: LogWrite, turn: number): void {
    let removed: Promise<void> = Promise.resolve();
    const landed = store.set(write.set).then(
      () => {
        // Freed chunks and folded staged keys are removed only after the set that makes them dead has landed.
        if (write.remove.length > 0) removed = store.remove(write.remove).catch(refused('log'));
        dispatch({ type: 'landed', turn });
      },
      (error: unknown) => dispatch({ type: 'refused', write: 'log', error, turn }),
    );
    const done = landed.then(() => removed);
    track(done);
    lastWrite = { landed, done };
  }

  /** Resolves once the log is in memory (at once when it is), starting a load if none is in flight. */
  function loaded(): Promise<void> {
    hurry();
    dispatch({ type: 'need' });
    return loading ?? reconciling ?? Promise.resolve();
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
      dispatch({ type: 'flush', after: [] });
      const { phase } = machine;
      if (phase.name === 'ready' || phase.name === 'writing') return use(phase.log);
    }
  }

  // Load at once (or at the first pause) rather than on the first event: the first fold need not wait for it.
  if (!deps.startQuietMs) readJar();
  dispatch({ type: 'need' });

  function cut(change: RecordedChange): TimedChange {
    const c = cutChange({ time: now(), cause: change.cause, removed: change.removed, cookie: change.cookie });
    recorded += 1;
    touched?.add(cookieKey(c.cookie));
    return c;
  }

  return {
    record(change) {
      // Written at once, inside the listener, as the floor a one-write-per-event extension sets: a stop loses
      // only what never reached this worker.
      dispatch({ type: 'stage', changes: [cut(change)] });
    },

    recordAll(changes) {
      if (changes.length > 0) dispatch({ type: 'stage', changes: changes.map(cut) });
    },

    async query(query) {
      // The get is issued after the fold's set, so the browser answers with it applied.
      const [meta, read] = await withLog(
        (log) => [log.meta, store.get(chunkKeysToRead(log.meta, query.afterSeq))] as const,
      );
      const stored = await read;
      const entries = filterEntries(entriesFromChunks(meta, stored), query);
      return {
        ok: true,
        entries,
        dropped: meta.dropped,
        droppedBy: meta.droppedBy,
        capacity: config.capacity,
        nextSeq: meta.nextSeq,
      };
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
      hurry();
      for (;;) {
        if (machine.unfolded > 0 || machine.lost > 0 || machine.jar !== undefined) await withLog(() => undefined);
        if (
          inflight.size === 0 &&
          loading === undefined &&
          reconciling === undefined &&
          machine.phase.name !== 'writing'
        ) {
          dispatch({ type: 'quiet' });
          return;
        }
        await Promise.allSettled([...inflight, ...(machine.phase.name === 'writing' ? [lastWrite.landed] : [])]);
        await Promise.resolve();
      }
    },
  };
}
