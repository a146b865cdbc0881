import { describe, expect, it } from 'vitest';
import { chunkKeys } from '../../../src/core/timeline/log-layout';

describe('chunkKeys', () => {
  it('names each chunk from the first index up to but not including the last', () => {
    expect(chunkKeys(2, 5)).toEqual(['log:2', 'log:3', 'log:4']);
  });

  it('is empty for an empty or reversed range', () => {
    expect(chunkKeys(3, 3)).toEqual([]);
    expect(chunkKeys(4, 1)).toEqual([]);
  });
});
