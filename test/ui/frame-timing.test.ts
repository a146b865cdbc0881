import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  afterFirstContentfulPaint,
  afterNextPaint,
  FIRST_PAINT_WAIT_MS,
  HIDDEN_FRAME_MS,
} from '../../src/ui/frame-timing';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function settledFlag(p: Promise<void>): () => boolean {
  let settled = false;
  void p.then(() => (settled = true));
  return () => settled;
}

describe('afterNextPaint', () => {
  it('resolves in the task after the next animation frame, not before the frame', async () => {
    vi.useFakeTimers();
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    const settled = settledFlag(afterNextPaint());
    await vi.advanceTimersByTimeAsync(50);
    expect(settled()).toBe(false);
    frames.shift()!();
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
  });

  it('resolves after HIDDEN_FRAME_MS when no frame comes (a hidden page)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const settled = settledFlag(afterNextPaint());
    await vi.advanceTimersByTimeAsync(HIDDEN_FRAME_MS - 1);
    expect(settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled()).toBe(true);
  });
});

/**
 * A stand-in for the browser's PerformanceObserver with paint timing: `report(name)` delivers a paint entry of that
 * name to every observer still connected, as the browser does in a task of its own.
 */
function fakePaintTiming(supported: string[] = ['paint']) {
  const observers = new Set<FakeObserver>();
  class FakeObserver {
    static supportedEntryTypes = supported;
    constructor(private readonly callback: (list: { getEntriesByName(n: string): unknown[] }) => void) {}
    observe(options: { type: string; buffered?: boolean }) {
      expect(options).toEqual({ type: 'paint', buffered: true });
      observers.add(this);
    }
    disconnect() {
      observers.delete(this);
    }
    deliver(name: string) {
      this.callback({ getEntriesByName: (n) => (n === name ? [{ name, entryType: 'paint' }] : []) });
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return {
    report: (name: string) => [...observers].forEach((o) => o.deliver(name)),
    connected: () => observers.size,
  };
}

describe('afterFirstContentfulPaint', () => {
  it('resolves when the browser reports the first contentful paint, not on a first paint without text', async () => {
    vi.useFakeTimers();
    const timing = fakePaintTiming();
    const settled = settledFlag(afterFirstContentfulPaint());
    await vi.advanceTimersByTimeAsync(0);
    timing.report('first-paint');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(false);
    timing.report('first-contentful-paint');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
    expect(timing.connected()).toBe(0);
  });

  it('resolves after FIRST_PAINT_WAIT_MS when no such paint is reported (a hidden page), and stops observing', async () => {
    vi.useFakeTimers();
    const timing = fakePaintTiming();
    const settled = settledFlag(afterFirstContentfulPaint());
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS - 1);
    expect(settled()).toBe(false);
    expect(timing.connected()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled()).toBe(true);
    expect(timing.connected()).toBe(0);
  });

  it('without paint timing, resolves after the next frame as afterNextPaint does', async () => {
    vi.useFakeTimers();
    const timing = fakePaintTiming(['mark', 'measure']);
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (run: () => void) => frames.push(run));
    const settled = settledFlag(afterFirstContentfulPaint());
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(false);
    expect(timing.connected()).toBe(0);
    frames.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(settled()).toBe(true);
  });
});
