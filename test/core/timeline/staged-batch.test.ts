import { describe, expect, it } from 'vitest';
import type { TimedChange } from '../../../src/core/timeline/change-log-entry';
import { encodeStagedBatch, packChange, parseStagedBatch } from '../../../src/core/timeline/staged-batch';
import { STAGE_FOLDED } from '../../../src/core/timeline/stage-key';
import { change } from './helpers';

describe('staged batches', () => {
  it('packs a change flat and reads it back whole: flags, expiry, partition, cut lengths', () => {
    const full: TimedChange = {
      ...change(3, {
        secure: false,
        httpOnly: true,
        hostOnly: false,
        browserSession: false,
        expirationDate: 1_800_000_000.5,
        sameSite: 'no_restriction',
        storeId: 'firefox-container-2',
        partitionKey: { topLevelSite: 'https://top.example', hasCrossSiteAncestor: false },
      }),
      cause: 'unobserved',
      removed: true,
      valueLength: 4000,
      pathLength: 900,
    };
    const packed = structuredClone([packChange(full), packChange(change(4))]);
    expect(packed[0]?.every((v) => v === null || typeof v !== 'object' || !Array.isArray(v))).toBe(true);
    expect(parseStagedBatch(packed)).toEqual([full, change(4)]);
  });

  it('reads batches an older version staged as objects, and drops junk', () => {
    expect(parseStagedBatch([change(1), ['junk'], [1, 'no-such-cause'], null])).toEqual([change(1)]);
    expect(parseStagedBatch('folded')).toBeUndefined();
  });

  it('stages a batch as one JSON string and reads it back; the folded marker and broken JSON hold no batch', () => {
    const batch = [change(1, { value: 'é"\\\u{1F600}' }), { ...change(2), removed: true, cause: 'overwrite' as const }];
    const encoded = encodeStagedBatch(batch);
    expect(typeof encoded).toBe('string');
    expect(parseStagedBatch(structuredClone(encoded))).toEqual(batch);
    expect(parseStagedBatch(STAGE_FOLDED)).toBeUndefined();
    expect(parseStagedBatch(encoded.slice(0, -5))).toBeUndefined();
    expect(parseStagedBatch('{"not":"a batch"}')).toBeUndefined();
  });
});
