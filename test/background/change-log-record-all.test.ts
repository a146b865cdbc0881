import { describe, expect, it } from 'vitest';
import { createChangeLog } from '../../src/background/change-log';
import { isStageKey } from '../../src/core/timeline/stage-key';
import { parseStagedBatch } from '../../src/core/timeline/staged-batch';
import { FakeStorageArea } from '../fakes';
import { cookie } from '../core/timeline/helpers';

const change = (value: string) => ({ cookie: cookie({ value }), removed: false, cause: 'explicit' as const });

describe('recordAll', () => {
  it('stages several changes in one write under one key, and the log gives them back in order', async () => {
    const store = new FakeStorageArea();
    let clock = 0;
    const log = createChangeLog({ store, now: () => ++clock });
    await log.settled();
    store.calls.length = 0;
    log.recordAll([change('a'), change('b'), change('c')]);
    log.recordAll([]);
    const sets = store.calls.filter((c) => c.op === 'set');
    expect(sets).toHaveLength(1);
    const key = sets[0]!.keys[0] as string;
    expect(isStageKey(key)).toBe(true);
    await Promise.resolve();
    expect(parseStagedBatch(store.snapshot()[key])?.map((c) => c.cookie.value)).toEqual(['a', 'b', 'c']);
    log.record(change('d'));
    expect((await log.query({})).entries.map((e) => `${e.seq}:${e.cookie.value}`)).toEqual([
      '0:a',
      '1:b',
      '2:c',
      '3:d',
    ]);
  });
});
