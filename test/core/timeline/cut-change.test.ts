import { describe, expect, it } from 'vitest';
import { appendToLog } from '../../../src/core/timeline/append-to-log';
import { cutChange } from '../../../src/core/timeline/cut-change';
import { utf8Bytes } from '../../../src/core/timeline/entry-bytes';
import { emptyMeta, MAX_NAME_CHARS, MAX_VALUE_CHARS, type LogState } from '../../../src/core/timeline/log-layout';
import { change } from './helpers';

describe('cutting and weighing entries', () => {
  it('cuts value, name, path and domain once, keeping the original lengths, and leaves short ones as they are', () => {
    const long = change(0, { value: 'v'.repeat(5000), name: 'n'.repeat(900), path: '/' + 'p'.repeat(900) });
    const cut = cutChange(long);
    expect(cut.cookie.value).toHaveLength(MAX_VALUE_CHARS);
    expect(cut.cookie.name).toHaveLength(MAX_NAME_CHARS);
    expect([cut.valueLength, cut.nameLength, cut.pathLength]).toEqual([5000, 900, 901]);
    expect(cutChange(cut)).toBe(cut);
    const short = change(1);
    expect(cutChange(short)).toBe(short);
    expect(long.cookie.value).toHaveLength(5000);
  });

  it('counts UTF-8 bytes as storage does: 1 to 4 a character, escapes for quotes and controls', () => {
    expect(utf8Bytes('ab')).toBe(2);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('\u2603')).toBe(3);
    expect(utf8Bytes('\u{1F600}')).toBe(4);
    expect(utf8Bytes('"\\')).toBe(4);
  });

  it('keeps the newest whole chunks within the byte budget and counts the rest as dropped for bytes', () => {
    const empty: LogState = { meta: emptyMeta(), tail: [] };
    const heavy = Array.from({ length: 350 }, (_, i) => change(i, { value: '\u4e2d'.repeat(1000) }));
    const w = appendToLog(empty, heavy, { byteBudget: 700_000 });
    // 100 entries of ~3.3 KB each: two chunks fit, the third would not.
    expect(w.state.meta.firstSeq).toBe(200);
    expect(w.state.meta.droppedBy).toEqual({ bytes: 200 });
    expect(w.state.meta.chunkBytes).toHaveLength(2);
    const next = appendToLog(w.state, [change(350)], { byteBudget: 700_000 });
    expect(next.state.meta.dropped).toBe(200);
  });
});
