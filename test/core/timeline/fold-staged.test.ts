import { describe, expect, it } from 'vitest';
import { foldStaged } from '../../../src/core/timeline/fold-staged';
import { chunkKey, emptyMeta, META_KEY } from '../../../src/core/timeline/log-layout';
import {
  compareStageKeys,
  makeBootId,
  parseStageKey,
  STAGE_FOLDED,
  stageKey,
} from '../../../src/core/timeline/stage-key';
import { parseStagedBatch } from '../../../src/core/timeline/staged-batch';
import { change, changes, stored } from './helpers';

describe('stage keys', () => {
  it('order instances by start time as plain strings, whatever the random part', () => {
    const early = makeBootId(1_700_000_000_000, 0.999);
    const late = makeBootId(1_700_000_000_001, 0);
    expect(early < late).toBe(true);
    expect(early).toHaveLength(late.length);
    expect(makeBootId(5, 0.2)).not.toBe(makeBootId(5, 0.7));
  });

  it('round-trip and sort batches numerically within an instance', () => {
    const boot = makeBootId(10, 0.5);
    expect(parseStageKey(stageKey(boot, 12))).toEqual({ bootId: boot, n: 12 });
    expect(parseStageKey('log:3')).toBeUndefined();
    expect(parseStageKey('log:stage:ab:-1')).toBeUndefined();
    const keys = [stageKey(boot, 10), stageKey(makeBootId(9, 0.9), 3), stageKey(boot, 2)];
    expect(keys.sort(compareStageKeys)).toEqual([
      stageKey(makeBootId(9, 0.9), 3),
      stageKey(boot, 2),
      stageKey(boot, 10),
    ]);
  });
});

describe('parseStagedBatch', () => {
  it('keeps well-formed changes and says when a key holds no batch', () => {
    const good = change(1);
    expect(parseStagedBatch([good, { time: 'x' }, null, { ...good, cause: 'made-up' }])).toEqual([good]);
    expect(parseStagedBatch(STAGE_FOLDED)).toBeUndefined();
    expect(parseStagedBatch({ 0: good })).toBeUndefined();
  });
});

describe('foldStaged', () => {
  it('appends staged batches in key order, then the later changes, and marks the keys folded in the same set', () => {
    const boot = makeBootId(1, 0.1);
    const [k0, k1] = [stageKey(boot, 0), stageKey(boot, 1)];
    const w = foldStaged(
      { meta: emptyMeta(), tail: [] },
      [
        { key: k1, changes: changes(2, 2) },
        { key: k0, changes: changes(2, 0) },
      ],
      changes(1, 4),
    );
    expect(stored(w.set[chunkKey(0)]).map((e) => [e.seq, e.cookie.value])).toEqual([
      [0, 'v0'],
      [1, 'v1'],
      [2, 'v2'],
      [3, 'v3'],
      [4, 'v4'],
    ]);
    expect(w.set[META_KEY]).toMatchObject({ nextSeq: 5, firstSeq: 0, dropped: 0 });
    expect(w.set[k0]).toBe(STAGE_FOLDED);
    expect(w.set[k1]).toBe(STAGE_FOLDED);
    expect(w.remove).toEqual([k0, k1]);
  });
});
