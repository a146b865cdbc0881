import { describe, expect, it } from 'vitest';
import type { RecordedChange } from '../../src/background/change-log';
import { createStageThrottle } from '../../src/background/stage-throttle';
import { cookie } from '../core/timeline/helpers';

function setup(maxBatch = 64) {
  let clock = 0;
  const timers: { at: number; run: () => void }[] = [];
  const staged: string[][] = [];
  const throttle = createStageThrottle({
    stage: (changes) => staged.push(changes.map((c) => c.cookie.value)),
    intervalMs: 4,
    maxBatch,
    now: () => clock,
    setTimer: (run, ms) => timers.push({ at: clock + ms, run }),
  });
  const change = (value: string): RecordedChange => ({ cookie: cookie({ value }), removed: false, cause: 'explicit' });
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers.splice(0).filter((t) => (t.at <= clock ? (t.run(), false) : true))) timers.push(t);
  };
  /** Pushes one change a value, in order. */
  const push = (...values: string[]) => {
    for (const value of values) throttle.push(change(value));
  };
  return { throttle, staged, push, advance, timers };
}

describe('the staging throttle', () => {
  it('stages the first change after a pause at once, without a timer', () => {
    const s = setup();
    s.push('a');
    expect(s.staged).toEqual([['a']]);
    expect(s.timers).toHaveLength(0);
  });

  it('gathers the changes of a storm into one write per interval, in order, losing none', () => {
    const s = setup();
    s.push('a', 'b');
    s.advance(1);
    s.push('c');
    expect(s.staged).toEqual([['a']]);
    s.advance(3);
    expect(s.staged).toEqual([['a'], ['b', 'c']]);
    s.push('d');
    s.advance(4);
    expect(s.staged).toEqual([['a'], ['b', 'c'], ['d']]);
  });

  it('stages at once when a batch is full, and flush stages what waits', () => {
    const s = setup(3);
    s.push('a');
    s.push('b', 'c', 'd');
    expect(s.staged).toEqual([['a'], ['b', 'c', 'd']]);
    s.push('e');
    s.throttle.flush();
    expect(s.staged).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    s.advance(10);
    expect(s.staged).toHaveLength(3);
  });

  it('does not hold changes past the interval when the timer runs late behind a queue of events', () => {
    const s = setup();
    s.push('a', 'b');
    expect(s.timers).toHaveLength(1);
    // The clock moves on but the timer has not run (the worker is busy with queued events): the next change
    // stages what waits, itself included.
    s.timers[0]!.at = Number.POSITIVE_INFINITY;
    s.advance(5);
    s.push('c');
    expect(s.staged).toEqual([['a'], ['b', 'c']]);
  });
});
