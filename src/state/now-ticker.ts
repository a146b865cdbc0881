import type { Signal } from '@preact/signals';

export interface TickerTimers {
  setInterval: (run: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  clock: () => number;
}

const realTimers: TickerTimers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  clock: () => Date.now(),
};

/**
 * Keeps `now` current while a view is open, so relative times ("in 3 min") move on without a reload. The
 * popup and the panel both start it; returns the function that stops it.
 */
export function startNowTicker(now: Signal<number>, tickMs = 30_000, timers: TickerTimers = realTimers): () => void {
  const handle = timers.setInterval(() => {
    now.value = timers.clock();
  }, tickMs);
  return () => timers.clearInterval(handle);
}
