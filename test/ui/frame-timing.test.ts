import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, HIDDEN_FRAME_MS } from '../../src/ui/frame-timing';

describe('afterNextPaint', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function settledFlag(p: Promise<void>): () => boolean {
    let settled = false;
    void p.then(() => (settled = true));
    return () => settled;
  }

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
