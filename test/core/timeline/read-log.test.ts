import { describe, expect, it } from 'vitest';
import { appendToLog } from '../../../src/core/timeline/append-to-log';
import { clearLog } from '../../../src/core/timeline/clear-log';
import { trimLog } from '../../../src/core/timeline/trim-log';
import { JAR_KEY } from '../../../src/core/timeline/known-jar';
import { chunkKey, emptyMeta, META_KEY, parseMeta, type LogState } from '../../../src/core/timeline/log-layout';
import { chunkKeysToRead, entriesFromChunks, orphanChunkKeys } from '../../../src/core/timeline/read-log';
import { changes, stored } from './helpers';

const empty: LogState = { meta: emptyMeta(), tail: [] };

describe('reading the log', () => {
  it('reads only the chunks that can hold entries after `afterSeq`', () => {
    const meta = { ...emptyMeta(), nextSeq: 350, firstSeq: 120, dropped: 120 };
    expect(chunkKeysToRead(meta)).toEqual([chunkKey(1), chunkKey(2), chunkKey(3)]);
    expect(chunkKeysToRead(meta, 299)).toEqual([chunkKey(3)]);
    expect(chunkKeysToRead(meta, 349)).toEqual([]);
    expect(chunkKeysToRead(emptyMeta())).toEqual([]);
  });

  it('ignores entries outside the live range and junk in storage', () => {
    const w = appendToLog(empty, changes(5));
    const meta = { ...emptyMeta(), nextSeq: 5, firstSeq: 2, dropped: 2 };
    const junk = [...stored(w.set[chunkKey(0)]), { seq: 9 }, 'junk', null];
    expect(entriesFromChunks(meta, { ...w.set, [chunkKey(0)]: JSON.stringify(junk) }).map((e) => e.seq)).toEqual([
      2, 3, 4,
    ]);
    // A chunk an older version stored as an array, and one that is not JSON.
    expect(entriesFromChunks(meta, { ...w.set, [chunkKey(0)]: junk }).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(entriesFromChunks(meta, { ...w.set, [chunkKey(0)]: '[{"seq":2,' })).toEqual([]);
  });

  it('treats a malformed meta as an empty log', () => {
    expect(parseMeta(undefined)).toEqual(emptyMeta());
    expect(parseMeta({ ...emptyMeta(), nextSeq: 3, firstSeq: 5, dropped: 0 })).toEqual(emptyMeta());
    expect(parseMeta({ ...emptyMeta(), nextSeq: -1, firstSeq: 0, dropped: 0 })).toEqual(emptyMeta());
    expect(parseMeta({ nextSeq: 7, firstSeq: 2, dropped: 2 })).toEqual({
      nextSeq: 7,
      firstSeq: 2,
      dropped: 2,
      // A meta written before reasons were kept: everything fell off the entry bound.
      droppedBy: { bound: 2 },
      chunkBytes: [],
    });
  });

  it('sweeps the chunk keys below the live log, which a stopped worker may have left', () => {
    expect(orphanChunkKeys({ ...emptyMeta(), nextSeq: 10, firstSeq: 0, dropped: 0 })).toEqual([]);
    const keys = orphanChunkKeys({ ...emptyMeta(), nextSeq: 7_000, firstSeq: 6_950, dropped: 0 }, 5_000);
    expect(keys).toContain(chunkKey(68));
    expect(keys).toContain(chunkKey(18));
    expect(keys).not.toContain(chunkKey(69));
  });
});

describe('clearLog', () => {
  it('empties the log, keeps the seq going and resets the dropped count', () => {
    const store: Record<string, unknown> = {};
    const a = appendToLog(empty, changes(250));
    Object.assign(store, a.set);
    const c = clearLog(a.state);
    Object.assign(store, c.set);
    for (const k of c.remove) delete store[k];
    expect(c.state.meta).toMatchObject({ nextSeq: 250, firstSeq: 250, dropped: 0 });
    expect(c.remove).toEqual([JAR_KEY, chunkKey(0), chunkKey(1)]);
    // The chunk being filled is emptied in the same set, not removed later (a late remove could hit new entries).
    expect(store[chunkKey(2)]).toEqual([]);
    expect(entriesFromChunks(c.state.meta, store)).toEqual([]);
    const next = appendToLog(c.state, changes(1, 250));
    expect(stored(next.set[chunkKey(2)])).toEqual([expect.objectContaining({ seq: 250 })]);
    expect(next.set[META_KEY]).toMatchObject({ nextSeq: 251, firstSeq: 250, dropped: 0 });
  });
});

describe('trimLog', () => {
  /** A log of `count` changes, and its trim by `drop`. */
  const trimmed = (count: number, drop: number) => {
    const a = appendToLog(empty, changes(count));
    return { a, t: trimLog(a.state, drop) };
  };

  it('drops at least the asked number of oldest entries, up to a chunk boundary, and counts them', () => {
    const { a, t } = trimmed(250, 30);
    expect(t.state.meta).toMatchObject({ nextSeq: 250, firstSeq: 100, dropped: 100 });
    expect(t.remove).toEqual([chunkKey(0)]);
    expect(t.set).toEqual({ [META_KEY]: t.state.meta });
    expect(t.state.tail.map((e) => e.seq)).toEqual(a.state.tail.map((e) => e.seq));
  });

  it('never goes past the end of the log', () => {
    const { t } = trimmed(42, 1_000);
    expect(t.state.meta).toMatchObject({ nextSeq: 42, firstSeq: 42, dropped: 42 });
    expect(t.state.tail).toEqual([]);
  });
});
