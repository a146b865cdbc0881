import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNowTicker } from '../../src/state/now-ticker';

afterEach(() => vi.useRealTimers());

describe('startNowTicker', () => {
  it('moves `now` on every tick until stopped', () => {
    let handler: (() => void) | undefined;
    let t = 1000;
    const cleared: unknown[] = [];
    const now = signal(0);
    const stop = startNowTicker(now, 500, {
      setInterval: (run, ms) => {
        expect(ms).toBe(500);
        handler = run;
        return 'h';
      },
      clearInterval: (h) => cleared.push(h),
      clock: () => t,
    });
    expect(now.value).toBe(0);
    handler!();
    expect(now.value).toBe(1000);
    t = 2000;
    handler!();
    expect(now.value).toBe(2000);
    stop();
    expect(cleared).toEqual(['h']);
  });

  it('runs on the real timers by default', () => {
    vi.useFakeTimers({ now: 5000 });
    const now = signal(0);
    const stop = startNowTicker(now, 30_000);
    vi.advanceTimersByTime(30_000);
    expect(now.value).toBe(35_000);
    stop();
    vi.advanceTimersByTime(30_000);
    expect(now.value).toBe(35_000);
  });
});
