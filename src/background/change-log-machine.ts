import type { TimedChange } from '../core/timeline/change-log-entry';
import { clearLog } from '../core/timeline/clear-log';
import { foldStaged } from '../core/timeline/fold-staged';
import { appendToLog } from '../core/timeline/append-to-log';
import { JAR_KEY, toSnapshot, type KnownJar } from '../core/timeline/known-jar';
import type { LogState } from '../core/timeline/log-layout';
import type { LogWrite } from '../core/timeline/log-write';
import { orphanChunkKeys } from '../core/timeline/read-log';
import { stageKey } from '../core/timeline/stage-key';
import type { StagedBatch } from '../core/timeline/staged-batch';
import { trimLog } from '../core/timeline/trim-log';

/**
 * The change-log writer as one state machine: `step` is its only transition function, and it does no I/O. It
 * returns the effects (storage calls, timers, reports) for `change-log.ts` to carry out, which feeds their
 * outcomes back in as events. So every decision about when to load, stage, fold, trim or give up is here, in
 * one place, and testable without storage.
 *
 * The phase says what this instance knows of the log in storage:
 *
 *                 need / stage / timer            loaded                    reconciled
 *     unknown ─────────────────────────▶ loading ─────────▶ reconciling ─────────────▶ ready ◀──────┐
 *      ▲  ▲                                 │    └──── loaded (reconciled before) ────▶  │          │ landed (the
 *      │  └─────────── load failed ─────────┘                                    flush / clear    │ newest
 *      │                                                                                 ▼          │ write's set)
 *      └────────────── refused (a log write, from ready or writing) ─────────────── writing ────────┘
 *
 * - unknown: nothing in memory (at start, after a failed load, after a refused log write: what landed is then
 *   unknown). The next staged batch, timer, query or clear starts a load; nothing retries in a loop. A write
 *   still in flight is not waited for: the load is issued after it, so the browser answers with its outcome.
 * - loading: reading the meta, the chunk being filled and the batches stopped instances staged. A log write
 *   refused meanwhile was issued before the load's reads, which the browser answers after it: the load stays.
 * - reconciling: once per instance, when it can read the jar: the shell compares the jar with the log's last
 *   word on every cookie (the snapshot of the last start plus the entries since, plus every batch staged) and
 *   reports each difference it did not see happen; they are staged as a batch of their own and folded, with
 *   the new snapshot in the same set, by the next fold the timer plans (never as one long task at start).
 * - ready: the log as issued is in memory, and no log write is in flight.
 * - writing: a fold or clear was issued; the next fold waits until its set has landed, so a refused fold is
 *   never overtaken by a later one built on it.
 *
 * Staging is allowed in every phase: it is the hot path and never waits. Refused writes of every kind meet in
 * `refused`. A batch leaves memory only when the fold that carries it has landed: a refused fold puts this
 * instance's batches back (a stopped instance's are still in storage and are read back by the next load), and
 * a batch refused `MAX_FOLD_REFUSALS` times is given up and counted as dropped, reason `refused`.
 *
 * The fold timer decides when a ready log folds what is staged (it may outlive a refused write; firing then
 * starts the load):
 *
 *     off ──staged──▶ idle ──staged──▶ idle-again ──fires──▶ idle    (changes keep coming: wait another idle)
 *                      └──fires──▶ fold
 *     off, idle, idle-again ──a chunk's worth staged──▶ due ──fires──▶ fold   (in a task of its own, so the
 *                                                                             events queued behind go first)
 */

export type LogPhase =
  | { name: 'unknown' }
  | { name: 'loading' }
  | { name: 'reconciling'; log: LogState }
  | { name: 'ready'; log: LogState }
  /** `turn` numbers the write in flight; a landing of any older one is stale. */
  | { name: 'writing'; log: LogState; turn: number };

export type FoldTimer = 'off' | 'idle' | 'idle-again' | 'due';

/** Which write storage refused: the handling differs, the quota policy does not. */
export type RefusedWrite =
  /** A batch's own staged key: the batch is still folded from memory. */
  | 'stage'
  /** A fold, clear or trim, or the removal of what one made dead: what landed is unknown. */
  | 'log'
  /** The start-up removal of orphan chunks and folded staged keys: they are swept again at the next load. */
  | 'sweep';

export interface ChangeLogMachine {
  phase: LogPhase;
  /** This instance's staged batches not yet folded, in the order they were staged. */
  staged: readonly StagedBatch[];
  /** Batches other (stopped) instances staged and left unfolded, as the last load found them. */
  foreign: readonly StagedBatch[];
  /** Changes in `staged` and `foreign`. */
  unfolded: number;
  /** The number the next staged batch gets. */
  stageCount: number;
  /** The number the last issued log write got. */
  turns: number;
  timer: FoldTimer;
  /** Storage said it was over its quota: the next fold first drops the oldest entries. */
  trimFirst: boolean;
  /** This instance's batches in the fold in flight, with its turn: put back if storage refuses it. */
  folding: { turn: number; batches: readonly StagedBatch[] } | undefined;
  /** Changes given up after repeated refusals, to be counted as dropped by the next fold. */
  lost: number;
  /** Whether this instance has compared the jar with the log (once per instance). */
  reconciled: boolean;
  /** The known jar to write as the snapshot with the next fold. */
  jar: KnownJar | undefined;
}

export type LogEvent =
  /** The start, a query, a clear or `settled` needs the log in memory. */
  | { type: 'need' }
  /** What one task recorded, to be staged under a key of its own. */
  | { type: 'stage'; changes: readonly TimedChange[] }
  /** `foreign` excludes this instance's own staged keys; `folded` are staged keys already marked folded. */
  | { type: 'loaded'; log: LogState; foreign: readonly StagedBatch[]; folded: readonly string[] }
  | { type: 'load-failed'; error: unknown }
  | { type: 'timer' }
  /** What the comparison of the jar with the log found, and the known jar once applied (none: no jar read). */
  | { type: 'reconciled'; changes: readonly TimedChange[]; known: KnownJar | undefined }
  /** The set of log write `turn` landed (its removals are issued). */
  | { type: 'landed'; turn: number }
  /** `turn`: the refused write is the set of that fold. */
  | { type: 'refused'; write: RefusedWrite; error: unknown; turn?: number }
  /** A query or clear needs everything staged and `after` in the chunks before it reads; only when ready. */
  | { type: 'flush'; after: readonly TimedChange[] }
  /** Empties the log; sent right after a flush, in the same task, so it follows that fold in storage order. */
  | { type: 'clear' }
  /** `settled` found nothing in flight: a timer still armed has nothing left to do. */
  | { type: 'quiet' };

export type LogEffect =
  | { do: 'stage'; key: string; changes: readonly TimedChange[] }
  | { do: 'load' }
  /** Compare the jar with the log's last word on every cookie; answer with `reconciled`. */
  | { do: 'reconcile' }
  /** Issued after the set lands, for the reason given on `LogWrite`. */
  | { do: 'write'; write: LogWrite; turn: number }
  /** Set and remove at once, not after the meta lands: the fold issued just behind it needs the space. */
  | { do: 'trim'; write: LogWrite }
  | { do: 'sweep'; keys: string[] }
  | { do: 'arm'; ms: number }
  | { do: 'disarm' }
  | { do: 'report'; error: unknown };

export interface MachineConfig {
  bootId: string;
  capacity: number;
  byteBudget: number;
  /** Whether the shell can read the jar, so each instance reconciles once after its first load. */
  reconcile: boolean;
  /** Fold as soon as this many changes are staged. */
  foldAt: number;
  /** Otherwise fold once no change has been staged for this long. */
  foldIdleMs: number;
}

export interface Step {
  machine: ChangeLogMachine;
  effects: LogEffect[];
}

export function initialMachine(): ChangeLogMachine {
  return {
    phase: { name: 'unknown' },
    staged: [],
    foreign: [],
    unfolded: 0,
    stageCount: 0,
    turns: 0,
    timer: 'off',
    trimFirst: false,
    folding: undefined,
    lost: 0,
    reconciled: false,
    jar: undefined,
  };
}

/** A batch whose folds storage refused this many times is given up (and counted): retrying forever would hold
 * memory and storage calls for a write the browser will not take. */
export const MAX_FOLD_REFUSALS = 3;

/** How much of the log goes when storage is over its quota: the bound in entries cannot foresee every size. */
const QUOTA_TRIM_SHARE = 4;

export function isQuotaError(error: unknown): boolean {
  return /quota/i.test(String(error));
}

function count(batches: readonly StagedBatch[]): number {
  let n = 0;
  for (const b of batches) n += b.changes.length;
  return n;
}

export function step(machine: ChangeLogMachine, event: LogEvent, config: MachineConfig): Step {
  const effects: LogEffect[] = [];
  let m = machine;

  function load(): void {
    if (m.phase.name !== 'unknown') return;
    m = { ...m, phase: { name: 'loading' } };
    effects.push({ do: 'load' });
  }

  function arm(ms: number): void {
    m = { ...m, timer: ms > 0 ? 'idle' : 'due' };
    effects.push({ do: 'arm', ms });
  }

  function disarm(): void {
    if (m.timer === 'off') return;
    m = { ...m, timer: 'off' };
    effects.push({ do: 'disarm' });
  }

  /** Decides when the staged batches are folded: soon once a chunk's worth is staged, else after an idle. */
  function plan(): void {
    if (m.phase.name === 'unknown') return load();
    // Changes given up are counted by a fold of their own if nothing else comes: no loss may stay unwritten.
    // A snapshot of the jar not yet written is folded too, so the next start compares against it.
    if (m.phase.name !== 'ready' || (m.unfolded === 0 && m.lost === 0 && m.jar === undefined)) return;
    if (m.unfolded >= config.foldAt) {
      if (m.timer === 'due') return;
      disarm();
      // A task of its own: the events already queued behind this one are staged first.
      return arm(0);
    }
    if (m.timer === 'off') arm(config.foldIdleMs);
    else if (m.timer === 'idle') m = { ...m, timer: 'idle-again' };
  }

  function issue(write: LogWrite, batches: readonly StagedBatch[] = []): void {
    const turn = m.turns + 1;
    m = {
      ...m,
      turns: turn,
      phase: { name: 'writing', log: write.state, turn },
      folding: batches.length > 0 ? { turn, batches } : undefined,
    };
    effects.push({ do: 'write', write, turn });
  }

  /** Issues every staged batch, then `after`, into the chunks. */
  function fold(after: readonly TimedChange[]): void {
    if (m.phase.name !== 'ready') return;
    let log = m.phase.log;
    disarm();
    if (m.unfolded === 0 && after.length === 0 && m.jar === undefined && m.lost === 0) return;
    if (m.trimFirst) {
      const trim = trimLog(log, Math.ceil(config.capacity / QUOTA_TRIM_SHARE));
      log = trim.state;
      m = { ...m, trimFirst: false };
      effects.push({ do: 'trim', write: trim });
    }
    const own = m.staged;
    const batches = [...m.foreign, ...own];
    const options = { capacity: config.capacity, byteBudget: config.byteBudget, refused: m.lost };
    const write = batches.length > 0 ? foldStaged(log, batches, after, options) : appendToLog(log, after, options);
    // The snapshot goes in the same set as the entries it covers, so `throughSeq` is true whenever it lands.
    if (m.jar !== undefined) write.set[JAR_KEY] = toSnapshot(m.jar, write.state.meta.nextSeq);
    m = { ...m, foreign: [], staged: [], unfolded: 0, lost: 0, jar: undefined };
    issue(write, own);
  }

  /** The fold `turn` was refused: its own batches go back in front, and those refused too often are counted. */
  function putBack(turn: number | undefined): void {
    const folding = m.folding;
    if (folding === undefined || folding.turn !== turn) return;
    const back: StagedBatch[] = [];
    let lost = 0;
    for (const b of folding.batches) {
      const refusals = (b.refusals ?? 0) + 1;
      if (refusals >= MAX_FOLD_REFUSALS) lost += b.changes.length;
      else back.push({ ...b, refusals });
    }
    m = {
      ...m,
      folding: undefined,
      staged: [...back, ...m.staged],
      unfolded: m.unfolded + count(back),
      lost: m.lost + lost,
    };
  }

  /**
   * Every refused write comes here. Over the quota, the next fold first drops the oldest quarter of the log.
   * A refused stage loses nothing while this instance lives (the batch is folded from memory); a refused log
   * write drops the cache, and the batches of a refused fold are still staged (its set lands whole or not at
   * all), so the next load reads them back as foreign and they are folded again.
   */
  function refused(write: RefusedWrite, error: unknown, turn: number | undefined): void {
    if (write !== 'sweep' && isQuotaError(error)) m = { ...m, trimFirst: true };
    const before = m.staged.length;
    if (write === 'log') putBack(turn);
    if (write === 'log' && (m.phase.name === 'ready' || m.phase.name === 'writing')) {
      m = { ...m, phase: { name: 'unknown' } };
    }
    effects.push({ do: 'report', error });
    // Batches put back (or given up) are retried after an idle even if nothing else comes; each try counts
    // towards MAX_FOLD_REFUSALS, so this ends.
    if ((m.staged.length !== before || m.lost > 0) && m.timer === 'off') arm(config.foldIdleMs);
  }

  function stage(changes: readonly TimedChange[]): void {
    const key = stageKey(config.bootId, m.stageCount);
    m = {
      ...m,
      stageCount: m.stageCount + 1,
      staged: [...m.staged, { key, changes }],
      unfolded: m.unfolded + changes.length,
    };
    effects.push({ do: 'stage', key, changes });
  }

  switch (event.type) {
    case 'need':
      load();
      break;
    case 'stage':
      stage(event.changes);
      plan();
      break;
    case 'loaded': {
      const reconcile = config.reconcile && !m.reconciled;
      m = {
        ...m,
        phase: reconcile ? { name: 'reconciling', log: event.log } : { name: 'ready', log: event.log },
        foreign: event.foreign,
        unfolded: count(m.staged) + count(event.foreign),
      };
      const sweep = [...orphanChunkKeys(event.log.meta, config.capacity), ...event.folded];
      if (sweep.length > 0) effects.push({ do: 'sweep', keys: sweep });
      if (reconcile) effects.push({ do: 'reconcile' });
      else plan();
      break;
    }
    case 'reconciled':
      if (m.phase.name !== 'reconciling') break;
      m = { ...m, reconciled: true, phase: { name: 'ready', log: m.phase.log }, jar: event.known };
      // Staged like any batch, so a refused fold puts them back rather than losing them. Folded when the plan
      // says, not at once: a worker woken in a storm finds every batch its stopped predecessors staged, and
      // folding them all is one long task while events queue behind it, which the next stop drops.
      if (event.changes.length > 0) stage(event.changes);
      plan();
      break;
    case 'load-failed':
      m = { ...m, phase: { name: 'unknown' } };
      effects.push({ do: 'report', error: event.error });
      break;
    case 'timer': {
      const fired = m.timer;
      m = { ...m, timer: 'off' };
      // Loading or writing: the load or the write in flight plans the next fold when it is done.
      if (m.phase.name !== 'ready') plan();
      else if (fired === 'idle-again' && m.unfolded < config.foldAt) arm(config.foldIdleMs);
      else fold([]);
      break;
    }
    case 'landed':
      if (m.folding?.turn === event.turn) m = { ...m, folding: undefined };
      if (m.phase.name === 'writing' && m.phase.turn === event.turn) {
        m = { ...m, phase: { name: 'ready', log: m.phase.log } };
        plan();
      }
      break;
    case 'refused':
      refused(event.write, event.error, event.turn);
      break;
    case 'flush':
      fold(event.after);
      break;
    case 'clear':
      if (m.phase.name === 'ready' || m.phase.name === 'writing') issue(clearLog(m.phase.log));
      break;
    case 'quiet':
      disarm();
      break;
  }
  return { machine: m, effects };
}
