import type { RecordedChange } from './change-log';

export interface StageThrottleDeps {
  /** Stages the changes under one key (the change log's `recordAll`). */
  stage: (changes: readonly RecordedChange[]) => void;
  /** At most one staging write per this many ms while changes keep coming. */
  intervalMs?: number;
  /** Stage at once when this many changes wait, whatever the interval. */
  maxBatch?: number;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
}

export interface StageThrottle {
  /**
   * Called from the `cookies.onChanged` listener: stages at once after a pause, else within `intervalMs` (by the
   * timer, or by the first change to arrive after it, whichever runs first).
   */
  push(change: RecordedChange): void;
  /** Stages what waits now (before a query or a clear reads the log). */
  flush(): void;
}

/** Measured in a change storm in Chromium: one staging write costs the worker far more than one change does. */
export const STAGE_INTERVAL_MS = 4;
export const STAGE_MAX_BATCH = 64;

/**
 * Throttles the change log's staging writes. The first change after a pause is staged at once, as before; in
 * a storm, changes are gathered for at most `intervalMs` and staged in one write. Why: Chromium drops what
 * is still queued for a worker when it stops it, and each storage call costs the worker's thread far more than
 * taking an event does (converting the value, the call, its answer), so a worker writing once per event falls
 * behind a storm and a stop loses its whole queue. Gathering costs at most `intervalMs` of changes held in
 * memory per stop; the queue it spares is far longer.
 */
export function createStageThrottle(deps: StageThrottleDeps): StageThrottle {
  const intervalMs = deps.intervalMs ?? STAGE_INTERVAL_MS;
  const maxBatch = Math.max(1, deps.maxBatch ?? STAGE_MAX_BATCH);
  const now = deps.now ?? (() => performance.now());
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  let pending: RecordedChange[] = [];
  let lastStaged = Number.NEGATIVE_INFINITY;
  let armed = false;

  function flush(): void {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    lastStaged = now();
    deps.stage(batch);
  }

  return {
    push(change) {
      pending.push(change);
      const since = now() - lastStaged;
      // Also when the timer is armed but late: a worker busy with a queue of events runs its timer task behind
      // them, and changes held in memory are lost if it is stopped meanwhile.
      if (pending.length >= maxBatch || since >= intervalMs) {
        flush();
        return;
      }
      if (armed) return;
      armed = true;
      setTimer(
        () => {
          armed = false;
          flush();
        },
        Math.max(0, intervalMs - since),
      );
    },
    flush,
  };
}
