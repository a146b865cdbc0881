import type { TimedChange } from '../core/timeline/change-log-entry';
import { clearLog } from '../core/timeline/clear-log';
import { foldStaged } from '../core/timeline/fold-staged';
import { appendToLog } from '../core/timeline/append-to-log';
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
 *                 need / stage / timer            loaded
 *     unknown ─────────────────────────▶ loading ───────▶ ready ◀─────────────┐
 *      ▲  ▲                                 │               │                  │ landed (the newest write's set)
 *      │  └─────────── load failed ─────────┘        flush / clear             │
 *      │                                                    ▼                  │
 *      └────── refused (a log write, from ready or writing) ───── writing ─────┘
 *
 * - unknown: nothing in memory (at start, after a failed load, after a refused log write: what landed is then
 *   unknown). The next staged batch, timer, query or clear starts a load; nothing retries in a loop. A write
 *   still in flight is not waited for: the load is issued after it, so the browser answers with its outcome.
 * - loading: reading the meta, the chunk being filled and the batches stopped instances staged. A log write
 *   refused meanwhile was issued before the load's reads, which the browser answers after it: the load stays.
 * - ready: the log as issued is in memory, and no log write is in flight.
 * - writing: a fold or clear was issued; the next fold waits until its set has landed, so a refused fold is
 *   never overtaken by a later one built on it.
 *
 * Staging is allowed in every phase: it is the hot path and never waits. A start-up step that needs the loaded
 * log before anything is folded (say, comparing the jar with the log's last state of each cookie) would be a
 * phase between `loading` and `ready`, entered on `loaded`. Refused writes of every kind meet in `refused`.
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
  /** The set of log write `turn` landed (its removals are issued). */
  | { type: 'landed'; turn: number }
  | { type: 'refused'; write: RefusedWrite; error: unknown }
  /** A query or clear needs everything staged and `after` in the chunks before it reads; only when ready. */
  | { type: 'flush'; after: readonly TimedChange[] }
  /** Empties the log; sent right after a flush, in the same task, so it follows that fold in storage order. */
  | { type: 'clear' }
  /** `settled` found nothing in flight: a timer still armed has nothing left to do. */
  | { type: 'quiet' };

export type LogEffect =
  | { do: 'stage'; key: string; changes: readonly TimedChange[] }
  | { do: 'load' }
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
  };
}

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
    if (m.phase.name !== 'ready' || m.unfolded === 0) return;
    if (m.unfolded >= config.foldAt) {
      if (m.timer === 'due') return;
      disarm();
      // A task of its own: the events already queued behind this one are staged first.
      return arm(0);
    }
    if (m.timer === 'off') arm(config.foldIdleMs);
    else if (m.timer === 'idle') m = { ...m, timer: 'idle-again' };
  }

  function issue(write: LogWrite): void {
    const turn = m.turns + 1;
    m = { ...m, turns: turn, phase: { name: 'writing', log: write.state, turn } };
    effects.push({ do: 'write', write, turn });
  }

  /** Issues every staged batch, then `after`, into the chunks. */
  function fold(after: readonly TimedChange[]): void {
    if (m.phase.name !== 'ready') return;
    let log = m.phase.log;
    disarm();
    if (m.unfolded === 0 && after.length === 0) return;
    if (m.trimFirst) {
      const trim = trimLog(log, Math.ceil(config.capacity / QUOTA_TRIM_SHARE));
      log = trim.state;
      m = { ...m, trimFirst: false };
      effects.push({ do: 'trim', write: trim });
    }
    const batches = [...m.foreign, ...m.staged];
    m = { ...m, foreign: [], staged: [], unfolded: 0 };
    issue(
      batches.length > 0 ? foldStaged(log, batches, after, config.capacity) : appendToLog(log, after, config.capacity),
    );
  }

  /**
   * Every refused write comes here. Over the quota, the next fold first drops the oldest quarter of the log.
   * A refused stage loses nothing while this instance lives (the batch is folded from memory); a refused log
   * write drops the cache, and the batches of a refused fold are still staged (its set lands whole or not at
   * all), so the next load reads them back as foreign and they are folded again.
   */
  function refused(write: RefusedWrite, error: unknown): void {
    if (write !== 'sweep' && isQuotaError(error)) m = { ...m, trimFirst: true };
    if (write === 'log' && (m.phase.name === 'ready' || m.phase.name === 'writing')) {
      m = { ...m, phase: { name: 'unknown' } };
    }
    effects.push({ do: 'report', error });
  }

  switch (event.type) {
    case 'need':
      load();
      break;
    case 'stage': {
      const key = stageKey(config.bootId, m.stageCount);
      m = {
        ...m,
        stageCount: m.stageCount + 1,
        staged: [...m.staged, { key, changes: event.changes }],
        unfolded: m.unfolded + event.changes.length,
      };
      effects.push({ do: 'stage', key, changes: event.changes });
      plan();
      break;
    }
    case 'loaded': {
      m = {
        ...m,
        phase: { name: 'ready', log: event.log },
        foreign: event.foreign,
        unfolded: count(m.staged) + count(event.foreign),
      };
      const sweep = [...orphanChunkKeys(event.log.meta, config.capacity), ...event.folded];
      if (sweep.length > 0) effects.push({ do: 'sweep', keys: sweep });
      plan();
      break;
    }
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
      if (m.phase.name === 'writing' && m.phase.turn === event.turn) {
        m = { ...m, phase: { name: 'ready', log: m.phase.log } };
        plan();
      }
      break;
    case 'refused':
      refused(event.write, event.error);
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
