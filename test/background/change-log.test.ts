import { describe, expect, it, vi } from 'vitest';
import type { ChangeCause } from '../../src/core/cookie/cookie-record';
import { chunkKey, META_KEY, emptyMeta } from '../../src/core/timeline/log-layout';
import { isStageKey, STAGE_FOLDED } from '../../src/core/timeline/stage-key';
import { parseStagedBatch } from '../../src/core/timeline/staged-batch';
import type { KeyValueArea } from '../../src/background/key-value-area';
import { FakeStorageArea } from '../fakes';
import { cookie, stored } from '../core/timeline/helpers';
import { recordSettled, seqRange, startChangeLog } from './change-log-steps';

function change(value: string, cause: ChangeCause = 'explicit', domain = 'example.com') {
  return { cookie: cookie({ value, domain }), removed: false, cause };
}

/** Timers that fire only when the test says so: an instance left behind as "stopped" never folds by itself. */
function manualTimers() {
  const armed = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  return {
    setTimer: (run: () => void, ms: number) => (armed.set(++next, { run, ms }), next),
    clearTimer: (id: unknown) => void armed.delete(id as number),
    /** The delays of the timers armed now. */
    pending: () => [...armed.values()].map((t) => t.ms),
    /** Fires every timer armed now (not those they arm). */
    fire: () => {
      const due = [...armed];
      armed.clear();
      for (const [, t] of due) t.run();
    },
  };
}

function setupOver<S extends KeyValueArea>(store: S, capacity?: number) {
  const onError = vi.fn();
  const timers = manualTimers();
  const log = startChangeLog({
    store,
    onError,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    ...(capacity ? { capacity } : {}),
  });
  return { store, log, onError, timers };
}

const setup = (store = new FakeStorageArea(), capacity?: number) => setupOver(store, capacity);

const tick = () => new Promise((r) => setTimeout(r, 0));
const stagedKeys = (store: FakeStorageArea) => Object.keys(store.snapshot()).filter(isStageKey);
const labels = (entries: { seq: number; cookie: { value: string } }[]) =>
  entries.map((e) => `${e.seq}:${e.cookie.value}`);

type Log = ReturnType<typeof setup>['log'];

/** Records `prefix0`, `prefix1`, … `prefix{n-1}` in one burst. */
function recordMany(log: Log, prefix: string, n: number): void {
  for (let i = 0; i < n; i++) log.record(change(`${prefix}${i}`));
}

/** Records each value in a task of its own, as changes that arrive apart. */
async function recordApart(log: Log, ...values: string[]): Promise<void> {
  for (const v of values) {
    log.record(change(v));
    await tick();
  }
}

/** A log of `n` entries `old0…`, written by an instance that has since gone. */
async function storeWithOld(n: number): Promise<FakeStorageArea> {
  const store = new FakeStorageArea();
  const old = setup(store).log;
  recordMany(old, 'old', n);
  await old.settled();
  store.calls.length = 0;
  return store;
}

/**
 * The worker starts again over `area` once `store`'s faults are lifted: the new instance records `value`; returns
 * the whole log as `seq:value` labels once it settled.
 */
async function restartAndRecord(store: FakeStorageArea, value: string, area: KeyValueArea = store): Promise<string[]> {
  store.restore();
  const { log } = setupOver(area);
  await recordSettled(log, change(value));
  return labels((await log.query({})).entries);
}

/** The whole log, once its seqs are seen to run 0…n-1 without a gap. */
async function entriesNumbered(log: Log, n: number) {
  const { entries } = await log.query({});
  expect(entries.map((e) => e.seq)).toEqual(seqRange(n));
  return entries;
}

async function values(log: Log): Promise<string[]> {
  return (await log.query({})).entries.map((e) => e.cookie.value);
}

describe('the change-log writer', () => {
  it('keeps every change in arrival order when they come from many tasks at once', async () => {
    const { log } = setup();
    const arrived: string[] = [];
    const rec = (v: string): void => {
      arrived.push(v);
      log.record(change(v));
    };
    const jobs: Promise<void>[] = [];
    for (let i = 0; i < 600; i++) {
      const v = `c${i}`;
      if (i % 3 === 0) rec(v);
      else if (i % 3 === 1) jobs.push(Promise.resolve().then(() => rec(v)));
      else jobs.push(new Promise((r) => setTimeout(() => (rec(v), r()), i % 7)));
    }
    await Promise.all(jobs);
    await log.settled();
    const result = await log.query({});
    expect(result.entries.map((e) => e.cookie.value)).toEqual(arrived);
    expect(result.entries.map((e) => e.seq)).toEqual(arrived.map((_, i) => i));
    const times = result.entries.map((e) => e.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('writes each change at once, inside `record`, as only itself under its own staged key, however full the chunk', async () => {
    const store = await storeWithOld(150);
    const { log, timers } = setup(store);
    await log.settled();
    log.record(change('a'));
    // Issued before `record` returns: nothing waits for a later task, which a stopped worker never runs.
    expect(store.calls.filter((c) => c.op === 'set')).toHaveLength(1);
    await recordApart(log, 'b', 'c');
    const sets = store.calls.filter((c) => c.op === 'set');
    expect(sets.map((c) => c.keys.map((k) => (isStageKey(k) ? 'stage' : k)))).toEqual([
      ['stage'],
      ['stage'],
      ['stage'],
    ]);
    const snapshot = store.snapshot();
    expect(sets.map((c) => (parseStagedBatch(snapshot[c.keys[0] as string]) ?? []).map((x) => x.cookie.value))).toEqual(
      [['a'], ['b'], ['c']],
    );
    // Not folded yet: the chunks and the meta are as the old instance left them.
    expect(store.snapshot()[META_KEY]).toMatchObject({ nextSeq: 150, firstSeq: 0, dropped: 0 });
    expect(timers.pending()).toEqual([300]);
    expect(labels((await log.query({ afterSeq: 148 })).entries)).toEqual(['149:old149', '150:a', '151:b', '152:c']);
  });

  it("folds in a task of its own once a chunk's worth is staged, marking the staged keys folded in the same set", async () => {
    const { log, store, timers } = setup();
    await log.settled();
    await recordApart(log, ...Array.from({ length: 99 }, (_, i) => `v${i}`));
    expect(store.calls.every((c) => c.op === 'set' && c.keys.length === 1 && isStageKey(c.keys[0] as string))).toBe(
      true,
    );
    expect(timers.pending()).toEqual([300]);
    await recordApart(log, 'v99');
    expect(timers.pending()).toEqual([0]);
    expect(store.snapshot()[META_KEY]).toBeUndefined();
    timers.fire();
    await tick();
    const fold = store.calls.find((c) => c.keys.includes(META_KEY));
    expect(fold?.keys.filter(isStageKey)).toHaveLength(100);
    expect(fold?.keys).toContain(chunkKey(0));
    expect(store.snapshot()[META_KEY]).toMatchObject({ nextSeq: 100, firstSeq: 0, dropped: 0 });
    await vi.waitFor(() => expect(stagedKeys(store)).toEqual([]));
    const chunk = stored(store.snapshot()[chunkKey(0)]);
    expect(labels(chunk)).toEqual(Array.from({ length: 100 }, (_, i) => `${i}:v${i}`));
  });

  it('folds after an idle, and not while changes keep coming', async () => {
    const { log, store, timers } = setup();
    await log.settled();
    await recordApart(log, 'a', 'b');
    // A change came since the timer was armed: it waits another idle rather than folding.
    timers.fire();
    await tick();
    expect(store.snapshot()[META_KEY]).toBeUndefined();
    expect(timers.pending()).toEqual([300]);
    timers.fire();
    await tick();
    expect(store.snapshot()[META_KEY]).toMatchObject({ nextSeq: 2, firstSeq: 0, dropped: 0 });
    expect(labels(stored(store.snapshot()[chunkKey(0)]))).toEqual(['0:a', '1:b']);
    await vi.waitFor(() => expect(stagedKeys(store)).toEqual([]));
    expect(timers.pending()).toEqual([]);
  });

  it('issues one fold at a time: changes staged while a fold is in flight are folded after it lands', async () => {
    const { log, store, timers } = setup();
    await log.settled();
    store.stallWrites();
    for (const prefix of ['a', 'b']) {
      recordMany(log, prefix, 100);
      await tick();
      timers.fire();
      await tick();
    }
    expect(store.calls.filter((c) => c.keys.includes(META_KEY))).toHaveLength(1);
    store.releaseWrites();
    await vi.waitFor(() => expect(timers.pending()).toEqual([0]));
    timers.fire();
    await log.settled();
    expect(store.calls.filter((c) => c.keys.includes(META_KEY))).toHaveLength(2);
    expect((await entriesNumbered(log, 200))[100]?.cookie.value).toBe('b0');
  });

  it('answers a query with the changes recorded just before it, written or not', async () => {
    const { log } = setup();
    log.record(change('x'));
    log.record(change('y'));
    expect(await values(log)).toEqual(['x', 'y']);
  });

  it('tells with a query of one site the sequence number the next entry of any site will get', async () => {
    const { log } = setup();
    log.record(change('a', 'explicit', 'one.test'));
    log.record(change('b', 'explicit', 'two.test'));
    log.record(change('c', 'explicit', 'two.test'));
    const one = await log.query({ site: 'one.test' });
    expect(one.entries.map((e) => e.cookie.value)).toEqual(['a']);
    expect(one.nextSeq).toBe(3);
    // What changed since, on every site: asked for after the seq before it.
    log.record(change('d', 'explicit', 'three.test'));
    const since = await log.query({ afterSeq: one.nextSeq! - 1 });
    expect(since.entries.map((e) => [e.seq, e.cookie.value])).toEqual([[3, 'd']]);
    expect(since.nextSeq).toBe(4);
  });

  it('stages what arrives before the state is loaded under its own key at once, then folds it in one set', async () => {
    const { log, store } = setup();
    log.record(change('a'));
    log.record(change('b'));
    await log.settled();
    const writes = store.calls.map((c) => [c.op, c.keys.map((k) => (isStageKey(k) ? 'stage' : k)).sort()]);
    expect(writes).toEqual([
      ['set', ['stage']],
      ['set', ['stage']],
      ['set', [chunkKey(0), META_KEY, 'stage', 'stage'].sort()],
      ['remove', ['stage', 'stage']],
    ]);
    expect(stagedKeys(store)).toEqual([]);
    expect(labels((await log.query({})).entries)).toEqual(['0:a', '1:b']);
  });

  it('loses nothing when stopped after staging and before the state was loaded', async () => {
    const store = await storeWithOld(42);
    store.stallReads();
    const dying = setup(store).log;
    dying.record(change('x'));
    await recordApart(dying, 'y', 'z');
    expect(stagedKeys(store)).toHaveLength(3);
    store.restore();

    const { log } = setup(store);
    // The first thing the new instance does is answer a query: staged changes are in it.
    expect(labels((await log.query({ afterSeq: 40 })).entries)).toEqual(['41:old41', '42:x', '43:y', '44:z']);
    log.record(change('w'));
    await log.settled();
    const entries = await entriesNumbered(log, 46);
    expect(labels(entries.slice(-4))).toEqual(['42:x', '43:y', '44:z', '45:w']);
    expect(stagedKeys(store)).toEqual([]);
  });

  it('folds nothing twice when stopped after the fold landed and before the staged keys were removed', async () => {
    const store = await storeWithOld(5);
    store.swallowWritesWhen((call) => call.op === 'remove' && call.keys.some(isStageKey));
    const { log: dying, timers } = setup(store);
    dying.record(change('x'));
    dying.record(change('y'));
    await vi.waitFor(() => expect(timers.pending()).toEqual([300]));
    timers.fire();
    await vi.waitFor(() => expect(store.calls.some((c) => c.outcome === 'swallowed')).toBe(true));
    const left = stagedKeys(store);
    expect(left).toHaveLength(2);
    for (const key of left) expect(store.snapshot()[key]).toBe(STAGE_FOLDED);

    expect(await restartAndRecord(store, 'z')).toEqual([
      '0:old0',
      '1:old1',
      '2:old2',
      '3:old3',
      '4:old4',
      '5:x',
      '6:y',
      '7:z',
    ]);
    expect(stagedKeys(store)).toEqual([]);
  });

  it('folds what two stopped instances staged in start order, then batch order, whatever order keys are listed in', async () => {
    const store = await storeWithOld(3);
    store.listNewestFirst = true;
    store.stallReads();
    const first = setup(store).log;
    // Twelve batches, so batch 10 must come after batch 9, not after batch 1.
    await recordApart(first, ...Array.from({ length: 12 }, (_, i) => `a${i}`));
    await recordApart(setup(store).log, 'b0', 'b1');
    expect(stagedKeys(store)).toHaveLength(14);

    const expected = ['old0', 'old1', 'old2', ...Array.from({ length: 12 }, (_, i) => `a${i}`), 'b0', 'b1', 'c0'];
    expect(await restartAndRecord(store, 'c0')).toEqual(expected.map((v, i) => `${i}:${v}`));
    expect(stagedKeys(store)).toEqual([]);
  });

  it('lists staged keys with get(null) where the area has no getKeys', async () => {
    const fake = await storeWithOld(2);
    const area: KeyValueArea = {
      get: (keys) => fake.get(keys),
      set: (items) => fake.set(items),
      remove: (keys) => fake.remove(keys),
    };
    fake.stallReads();
    await recordApart(setupOver(area).log, 'x');
    expect(await restartAndRecord(fake, 'y', area)).toEqual(['0:old0', '1:old1', '2:x', '3:y']);
    expect(stagedKeys(fake)).toEqual([]);
  });

  it('still logs a batch whose staging write was rejected, from memory', async () => {
    const { log, store, onError } = setup();
    store.failWrites(new Error('boom'), 1);
    log.record(change('a'));
    await log.settled();
    expect(onError).toHaveBeenCalledWith(new Error('boom'));
    expect(labels((await log.query({})).entries)).toEqual(['0:a']);
  });

  it('queues changes that arrive before the stored meta is loaded and numbers them after it', async () => {
    const store = new FakeStorageArea();
    const first = setup(store).log;
    recordMany(first, 'old', 42);
    await first.settled();
    const { log } = setup(store);
    log.record(change('n1'));
    log.record(change('n2'));
    await log.settled();
    const { entries } = await log.query({ afterSeq: 40 });
    expect(entries.map((e) => [e.seq, e.cookie.value])).toEqual([
      [41, 'old41'],
      [42, 'n1'],
      [43, 'n2'],
    ]);
  });

  it('continues the seq after a restart and loses nothing across chunk boundaries', async () => {
    const store = new FakeStorageArea();
    for (const [prefix, n] of [
      ['a', 150],
      ['b', 60],
    ] as const) {
      const worker = setup(store).log;
      recordMany(worker, prefix, n);
      await worker.settled();
    }
    expect((await entriesNumbered(setup(store).log, 210))[150]?.cookie.value).toBe('b0');
  });

  it('stays consistent when a write never lands (the worker stopped): what was issued before is there', async () => {
    const store = new FakeStorageArea();
    const dying = setup(store).log;
    dying.record(change('a'));
    dying.record(change('b'));
    await dying.settled();
    store.swallowWrites();
    await recordApart(dying, 'lost');
    expect(store.calls.at(-1)?.outcome).toBe('swallowed');

    expect(await restartAndRecord(store, 'c')).toEqual(['0:a', '1:b', '2:c']);
    expect(store.snapshot()[META_KEY]).toMatchObject({ nextSeq: 3, firstSeq: 0, dropped: 0 });
  });

  it('after a fold is rejected, reloads and folds its batches again, once each', async () => {
    const { log, store, onError } = setup();
    await recordSettled(log, change('a'));
    await recordApart(log, 'x', 'y');
    expect(stagedKeys(store)).toHaveLength(2);
    store.failWrites(new Error('boom'), 1);
    await log.settled();
    expect(onError).toHaveBeenCalledWith(new Error('boom'));
    // `settled` waits for the retry: the batches were put back, not lost.
    expect(store.snapshot()[META_KEY]).toMatchObject({ nextSeq: 3, firstSeq: 0, dropped: 0 });
    await recordSettled(log, change('b'));
    expect(labels((await log.query({})).entries)).toEqual(['0:a', '1:x', '2:y', '3:b']);
    expect(stagedKeys(store)).toEqual([]);
  });

  it('removes chunks that fell below the bound only after the meta that excludes them landed', async () => {
    const { log, store } = setup(undefined, 150);
    recordMany(log, 'v', 260);
    await log.settled();
    const keys = Object.keys(store.snapshot()).sort();
    expect(keys).toEqual([chunkKey(1), chunkKey(2), META_KEY].sort());
    const setIndex = store.calls.findIndex((c) => c.op === 'set');
    const removeIndex = store.calls.findIndex((c) => c.op === 'remove' && c.keys.includes(chunkKey(0)));
    expect(removeIndex).toBeGreaterThan(setIndex);
    const result = await log.query({});
    expect(result.entries).toHaveLength(150);
    expect(result.dropped).toBe(110);
    expect(result.capacity).toBe(150);
    expect(result.entries[0]?.cookie.value).toBe('v110');
  });

  it('sweeps chunks a stopped worker left below the live log', async () => {
    const store = new FakeStorageArea();
    await store.set({
      [META_KEY]: { ...emptyMeta(), nextSeq: 250, firstSeq: 200, dropped: 200 },
      [chunkKey(0)]: [{ seq: 5, time: 1, cause: 'explicit', removed: false, cookie: cookie() }],
      [chunkKey(1)]: [],
      [chunkKey(2)]: [{ seq: 200, time: 1, cause: 'explicit', removed: false, cookie: cookie({ value: 'kept' }) }],
    });
    const { log } = setup(store);
    await recordSettled(log, change('new'));
    expect(Object.keys(store.snapshot()).sort()).toEqual([chunkKey(2), META_KEY].sort());
    expect(await values(log)).toEqual(['kept', 'new']);
  });

  it('clears: the next entry continues the seq and the log reports only it', async () => {
    const { log, store } = setup();
    recordMany(log, 'v', 130);
    expect(await log.clear()).toBe(130);
    expect((await log.query({})).entries).toEqual([]);
    await recordSettled(log, change('after'));
    const { entries, dropped } = await log.query({});
    expect(entries.map((e) => [e.seq, e.cookie.value])).toEqual([[130, 'after']]);
    expect(dropped).toBe(0);
    expect(store.snapshot()[chunkKey(0)]).toBeUndefined();
  });

  it('filters by site and afterSeq', async () => {
    const { log } = setup();
    log.record(change('1', 'explicit', 'example.com'));
    log.record(change('2', 'explicit', 'other.org'));
    log.record(change('3', 'overwrite', '.example.com'));
    const site = await log.query({ site: 'www.example.com' });
    expect(site.entries.map((e) => e.cookie.value)).toEqual(['1', '3']);
    expect(site.entries[1]?.cause).toBe('overwrite');
    const after = await log.query({ afterSeq: 1 });
    expect(after.entries.map((e) => e.seq)).toEqual([2]);
  });

  const QUOTA = new Error('QUOTA_BYTES quota exceeded');
  it.each([
    {
      on: 'a fold',
      outcome: 'drops the oldest quarter and folds the refused batch again',
      refuse: async (log: Log, store: FakeStorageArea) => {
        await recordApart(log, 'refused');
        store.failWrites(QUOTA, 1);
      },
    },
    {
      on: 'a staging write',
      outcome: 'keeps the batch and drops the oldest quarter at the next fold',
      refuse: (log: Log, store: FakeStorageArea) => {
        store.failWrites(QUOTA, 1);
        log.record(change('refused'));
      },
    },
  ])('over the storage quota on $on, $outcome', async ({ refuse }) => {
    const { log, store, onError } = setup(undefined, 400);
    recordMany(log, 'v', 300);
    await log.settled();
    await refuse(log, store);
    await log.settled();
    expect(onError).toHaveBeenCalledTimes(1);
    await recordSettled(log, change('next'));
    const result = await log.query({});
    expect(result.dropped).toBe(100);
    expect(result.entries.map((e) => e.seq)).toEqual(seqRange(202, 100));
    expect(result.entries.slice(-2).map((e) => e.cookie.value)).toEqual(['refused', 'next']);
    expect(store.snapshot()[chunkKey(0)]).toBeUndefined();
  });
});
