import { describe, expect, it } from 'vitest';
import {
  initialMachine,
  isQuotaError,
  step,
  type ChangeLogMachine,
  type LogEffect,
  type LogEvent,
  type MachineConfig,
} from '../../src/background/change-log-machine';
import type { TimedChange } from '../../src/core/timeline/change-log-entry';
import { chunkKey, META_KEY, type LogState, emptyMeta } from '../../src/core/timeline/log-layout';
import { STAGE_FOLDED, stageKey } from '../../src/core/timeline/stage-key';
import { cookie } from '../core/timeline/helpers';

const config: MachineConfig = {
  bootId: 'boot',
  capacity: 400,
  byteBudget: 1_000_000,
  reconcile: false,
  foldAt: 3,
  foldIdleMs: 300,
};

function changes(...values: string[]): TimedChange[] {
  return values.map((value, i) => ({ time: i, cause: 'explicit', removed: false, cookie: cookie({ value }) }));
}

const emptyLog: LogState = { meta: { ...emptyMeta(), nextSeq: 0, firstSeq: 0, dropped: 0 }, tail: [] };

/** Runs events in order; returns the machine and every effect, by kind, with its essentials. */
function run(events: LogEvent[], from: ChangeLogMachine = initialMachine(), withConfig: MachineConfig = config) {
  let machine = from;
  const effects: LogEffect[] = [];
  for (const event of events) {
    const next = step(machine, event, withConfig);
    machine = next.machine;
    effects.push(...next.effects);
  }
  return { machine, effects, kinds: effects.map((e) => (e.do === 'arm' ? `arm ${e.ms}` : e.do)) };
}

const loaded = (log: LogState = emptyLog): LogEvent => ({ type: 'loaded', log, foreign: [], folded: [] });

/** A machine with the empty log loaded and nothing staged. */
function ready(): ChangeLogMachine {
  return run([{ type: 'need' }, loaded()]).machine;
}

function writeOf(effects: LogEffect[]): Extract<LogEffect, { do: 'write' }> {
  const writes = effects.filter((e): e is Extract<LogEffect, { do: 'write' }> => e.do === 'write');
  expect(writes).toHaveLength(1);
  return writes[0] as Extract<LogEffect, { do: 'write' }>;
}

describe('the change-log state machine', () => {
  it('starts unknown and loads once, however often the log is needed', () => {
    const { machine, kinds } = run([{ type: 'need' }, { type: 'need' }, { type: 'timer' }]);
    expect(machine.phase.name).toBe('loading');
    expect(kinds).toEqual(['load']);
  });

  it('stages each batch under its own numbered key in every phase, planning no fold before the log is loaded', () => {
    const { machine, effects } = run([
      { type: 'need' },
      { type: 'stage', changes: changes('a', 'b') },
      { type: 'stage', changes: changes('c') },
    ]);
    expect(effects.filter((e) => e.do === 'stage').map((e) => (e.do === 'stage' ? e.key : ''))).toEqual([
      stageKey('boot', 0),
      stageKey('boot', 1),
    ]);
    expect(machine.unfolded).toBe(3);
    expect(machine.timer).toBe('off');
  });

  it('on loading, counts the batches stopped instances left, sweeps what is dead, and plans the fold', () => {
    const foreign = [{ key: stageKey('old', 0), changes: changes('x') }];
    const log: LogState = { meta: { ...emptyMeta(), nextSeq: 950, firstSeq: 900, dropped: 900 }, tail: [] };
    const { machine, effects, kinds } = run([
      { type: 'need' },
      { type: 'stage', changes: changes('a') },
      { type: 'loaded', log, foreign, folded: [stageKey('old', 1)] },
    ]);
    expect(machine.phase).toEqual({ name: 'ready', log });
    expect(machine.unfolded).toBe(2);
    const sweep = effects.find((e) => e.do === 'sweep');
    expect(sweep?.do === 'sweep' && sweep.keys).toEqual([
      ...Array.from({ length: 5 }, (_, i) => chunkKey(4 + i)),
      stageKey('old', 1),
    ]);
    expect(kinds.slice(-2)).toEqual(['sweep', 'arm 300']);
    expect(machine.timer).toBe('idle');
  });

  it('after comparing the jar in a storm, folds nothing at once: the timer folds the batches and the snapshot', () => {
    const reconciling = { ...config, reconcile: true, foldAt: 10 };
    const foreign = [{ key: stageKey('old', 0), changes: changes('x', 'y') }];
    const { machine, kinds } = run(
      [
        { type: 'need' },
        { type: 'loaded', log: emptyLog, foreign, folded: [] },
        { type: 'reconciled', changes: changes('z'), known: new Map() },
        { type: 'stage', changes: changes('a') },
      ],
      initialMachine(),
      reconciling,
    );
    // Four changes staged (two a stopped instance left), under the fold threshold: no write yet, only the idle timer.
    expect(kinds).toEqual(['load', 'reconcile', 'stage', 'arm 300', 'stage']);
    expect(machine.phase.name).toBe('ready');
    expect(machine.unfolded).toBe(4);
    const fired = step({ ...machine, timer: 'idle' }, { type: 'timer' }, reconciling);
    const write = writeOf(fired.effects);
    expect(write.write.set).toHaveProperty('log:jar');
    expect(write.write.state.meta.nextSeq).toBe(4);
  });

  it('writes the snapshot of a quiet start with nothing staged, after an idle', () => {
    const reconciling = { ...config, reconcile: true };
    const { machine, kinds } = run(
      [{ type: 'need' }, loaded(), { type: 'reconciled', changes: [], known: new Map() }],
      initialMachine(),
      reconciling,
    );
    expect(kinds).toEqual(['load', 'reconcile', 'arm 300']);
    const write = writeOf(step(machine, { type: 'timer' }, reconciling).effects);
    expect(write.write.set).toHaveProperty('log:jar');
  });

  it('waits another idle when a batch came since the idle timer was armed, then folds', () => {
    const first = run(
      [
        { type: 'stage', changes: changes('a') },
        { type: 'stage', changes: changes('b') },
      ],
      ready(),
    );
    expect(first.kinds).toEqual(['stage', 'arm 300', 'stage']);
    expect(first.machine.timer).toBe('idle-again');
    const again = run([{ type: 'timer' }], first.machine);
    expect(again.kinds).toEqual(['arm 300']);
    const fold = run([{ type: 'timer' }], again.machine);
    expect(fold.kinds).toEqual(['write']);
    expect(fold.machine.phase.name).toBe('writing');
    expect(fold.machine.unfolded).toBe(0);
    expect(fold.machine.timer).toBe('off');
  });

  it("swaps the idle timer for a fold in a task of its own once a chunk's worth is staged", () => {
    const { machine, kinds } = run(
      [
        { type: 'stage', changes: changes('a') },
        { type: 'stage', changes: changes('b', 'c') },
        { type: 'stage', changes: changes('d') },
      ],
      ready(),
    );
    expect(kinds).toEqual(['stage', 'arm 300', 'stage', 'disarm', 'arm 0', 'stage']);
    expect(machine.timer).toBe('due');
    const fold = run([{ type: 'timer' }], machine);
    const write = writeOf(fold.effects);
    expect(write.write.set[META_KEY]).toMatchObject({ nextSeq: 4, firstSeq: 0, dropped: 0 });
    expect(write.write.set[stageKey('boot', 2)]).toBe(STAGE_FOLDED);
  });

  it('folds one write at a time: staging while writing plans nothing until that write lands', () => {
    const writing = run([{ type: 'flush', after: changes('a') }], ready());
    const { turn } = writeOf(writing.effects);
    const during = run([{ type: 'stage', changes: changes('b') }, { type: 'timer' }], writing.machine);
    expect(during.kinds).toEqual(['stage']);
    const after = run([{ type: 'landed', turn }], during.machine);
    expect(after.machine.phase.name).toBe('ready');
    expect(after.kinds).toEqual(['arm 300']);
  });

  it('ignores the landing of a write a newer one replaced', () => {
    const flushed = run(
      [
        { type: 'stage', changes: changes('a') },
        { type: 'flush', after: [] },
      ],
      ready(),
    );
    const fold = writeOf(flushed.effects);
    const cleared = run([{ type: 'clear' }], flushed.machine);
    const clear = writeOf(cleared.effects);
    expect(clear.turn).toBeGreaterThan(fold.turn);
    expect(clear.write.set[META_KEY]).toMatchObject({ nextSeq: 1, firstSeq: 1, dropped: 0 });
    const stale = run([{ type: 'landed', turn: fold.turn }], cleared.machine);
    expect(stale.machine.phase).toMatchObject({ name: 'writing', turn: clear.turn });
    expect(run([{ type: 'landed', turn: clear.turn }], stale.machine).machine.phase.name).toBe('ready');
  });

  it('a flush with nothing to fold only stops the timer', () => {
    const { machine, kinds } = run([{ type: 'flush', after: [] }], { ...ready(), timer: 'idle' });
    expect(kinds).toEqual(['disarm']);
    expect(machine.phase.name).toBe('ready');
  });

  it('drops the log from memory when a log write is refused, and reloads only when next needed', () => {
    const writing = run([{ type: 'flush', after: changes('a') }], ready()).machine;
    const error = new Error('boom');
    const refused = run([{ type: 'refused', write: 'log', error }], writing);
    expect(refused.machine.phase.name).toBe('unknown');
    expect(refused.effects).toEqual([{ do: 'report', error }]);
    expect(refused.machine.trimFirst).toBe(false);
    expect(run([{ type: 'stage', changes: changes('b') }], refused.machine).kinds).toEqual(['stage', 'load']);
  });

  it('keeps a load in flight when a write issued before it is refused: the load reads what landed', () => {
    const loading = run([{ type: 'need' }]).machine;
    const { machine } = run([{ type: 'refused', write: 'log', error: new Error('boom') }], loading);
    expect(machine.phase.name).toBe('loading');
  });

  it('keeps the log when a staging write is refused: the batch is folded from memory', () => {
    const staged = run([{ type: 'stage', changes: changes('a') }], ready()).machine;
    const { machine } = run([{ type: 'refused', write: 'stage', error: new Error('boom') }], staged);
    expect(machine.phase.name).toBe('ready');
    expect(machine.staged).toHaveLength(1);
  });

  it('over the quota, drops the oldest quarter before the next fold, whichever write was refused', () => {
    const log: LogState = { meta: { ...emptyMeta(), nextSeq: 300, firstSeq: 0, dropped: 0 }, tail: [] };
    const quota = new Error('QUOTA_BYTES quota exceeded');
    for (const write of ['stage', 'log'] as const) {
      const refused = run([{ type: 'refused', write, error: quota }], run([{ type: 'need' }, loaded(log)]).machine);
      expect(refused.machine.trimFirst).toBe(true);
      const next =
        refused.machine.phase.name === 'ready' ? refused.machine : run([loaded(log)], refused.machine).machine;
      const { effects, kinds, machine } = run([{ type: 'flush', after: changes('a') }], next);
      expect(kinds).toEqual(['trim', 'write']);
      const trim = effects[0];
      expect(trim?.do === 'trim' && trim.write.set[META_KEY]).toMatchObject({
        nextSeq: 300,
        firstSeq: 100,
        dropped: 100,
      });
      expect(trim?.do === 'trim' && trim.write.remove).toEqual([chunkKey(0)]);
      expect(writeOf(effects).write.set[META_KEY]).toMatchObject({ nextSeq: 301, firstSeq: 100, dropped: 100 });
      expect(machine.trimFirst).toBe(false);
    }
  });

  it('does not trim for a refused sweep: removing keys cannot be over the quota', () => {
    const { machine, kinds } = run([{ type: 'refused', write: 'sweep', error: new Error('quota exceeded') }], ready());
    expect(machine.trimFirst).toBe(false);
    expect(kinds).toEqual(['report']);
  });

  it('reports a failed load and stays unknown without retrying by itself', () => {
    const error = new Error('read failed');
    const { machine, effects } = run([{ type: 'need' }, { type: 'load-failed', error }]);
    expect(machine.phase.name).toBe('unknown');
    expect(effects).toEqual([{ do: 'load' }, { do: 'report', error }]);
  });

  it('a timer firing while the log is unknown starts the load; quiet stops a timer left armed', () => {
    const armed = run([{ type: 'stage', changes: changes('a') }], ready()).machine;
    const dropped = run([{ type: 'refused', write: 'log', error: new Error('boom') }], armed).machine;
    expect(dropped.timer).toBe('idle');
    expect(run([{ type: 'quiet' }], dropped).kinds).toEqual(['disarm']);
    expect(run([{ type: 'timer' }], dropped).kinds).toEqual(['load']);
  });

  it('tells a quota error from others by its text', () => {
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError('Resource::kQuotaBytes quota exceeded')).toBe(true);
    expect(isQuotaError(new Error('storage write failed'))).toBe(false);
  });
});
