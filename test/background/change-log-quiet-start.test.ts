import { describe, expect, it, vi } from 'vitest';
import { QUIET_WAIT_PERIODS } from '../../src/background/change-log';
import type { KeyValueArea } from '../../src/background/key-value-area';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { isStageKey } from '../../src/core/timeline/stage-key';
import { FakeStorageArea } from '../fakes';
import { cookie } from '../core/timeline/helpers';
import { startChangeLog } from './change-log-steps';

const QUIET_MS = 100;

function change(value: string) {
  return { cookie: cookie({ value }), removed: false, cause: 'explicit' as const };
}

/** The quiet-period timers fire only when the test says so (others never); the storage reads an instance issued. */
function startedInStorm(store: FakeStorageArea) {
  const armed = new Map<number, () => void>();
  let next = 0;
  const reads: string[] = [];
  const area: KeyValueArea = {
    get: (keys) => (reads.push(`get ${keys === null ? 'null' : [keys].flat().join(',')}`), store.get(keys)),
    getKeys: () => (reads.push('getKeys'), store.getKeys()),
    set: (items) => store.set(items),
    remove: (keys) => store.remove(keys),
  };
  const readJar = vi.fn(async (): Promise<CookieRecord[]> => []);
  const log = startChangeLog({
    store: area,
    readJar,
    startQuietMs: QUIET_MS,
    setTimer: (run, ms) => {
      next += 1;
      if (ms === QUIET_MS) armed.set(next, run);
      return next;
    },
    clearTimer: (id) => void armed.delete(id as number),
  });
  const fire = () => {
    const due = [...armed.values()];
    armed.clear();
    for (const run of due) run();
  };
  return { log, reads, readJar, fire, armed };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

/** A stopped instance's staged batches: `n` changes, each staged alone, never folded. */
async function leftStaged(n: number): Promise<FakeStorageArea> {
  const store = new FakeStorageArea();
  store.stallReads();
  const stopped = startChangeLog({ store, setTimer: () => 0, clearTimer: () => undefined });
  for (let i = 0; i < n; i++) {
    stopped.record(change(`old${i}`));
    await tick();
  }
  store.restore();
  return store;
}

describe('the change log started with startQuietMs (a worker started in a storm)', () => {
  it('reads neither the log nor the jar while changes keep coming, and loads once they pause', async () => {
    const store = await leftStaged(3);
    const { log, reads, readJar, fire, armed } = startedInStorm(store);
    for (let round = 0; round < 4; round++) {
      log.record(change(`new${round}`));
      await tick();
      // A change came within the period: the wait starts over.
      fire();
      await tick();
    }
    expect(reads).toEqual([]);
    expect(readJar).not.toHaveBeenCalled();
    // Staging never waits: each change is in storage under its own key already.
    expect(Object.keys(store.snapshot()).filter(isStageKey)).toHaveLength(7);

    expect(armed.size).toBe(1);
    fire();
    await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0));
    expect(readJar).toHaveBeenCalledTimes(1);
    expect(reads[0]).toMatch(/^get|^getKeys/);
  });

  it('does not wait for ever: under changes that never pause, it loads after QUIET_WAIT_PERIODS periods', async () => {
    const store = await leftStaged(1);
    const { log, reads, readJar, fire } = startedInStorm(store);
    for (let period = 1; period < QUIET_WAIT_PERIODS; period++) {
      log.record(change(`new${period}`));
      fire();
      await tick();
    }
    expect(reads).toEqual([]);
    log.record(change('last'));
    fire();
    await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0));
    expect(readJar).toHaveBeenCalledTimes(1);
  });

  it('answers a query at once, with what stopped instances staged, without waiting for a pause', async () => {
    const store = await leftStaged(2);
    const { log, readJar } = startedInStorm(store);
    log.record(change('new0'));
    const { entries } = await log.query({});
    expect(entries.map((e) => `${e.seq}:${e.cookie.value}`)).toEqual(['0:old0', '1:old1', '2:new0']);
    expect(readJar).toHaveBeenCalledTimes(1);
  });
});
