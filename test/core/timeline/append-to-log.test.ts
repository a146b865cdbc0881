import { describe, expect, it } from 'vitest';
import { appendToLog } from '../../../src/core/timeline/append-to-log';
import {
  CHUNK_SIZE,
  chunkKey,
  emptyMeta,
  LOG_CAPACITY,
  MAX_NAME_CHARS,
  MAX_VALUE_CHARS,
  META_KEY,
  type LogState,
} from '../../../src/core/timeline/log-layout';
import { entriesFromChunks } from '../../../src/core/timeline/read-log';
import { change, changes, stored } from './helpers';

const empty: LogState = { meta: emptyMeta(), tail: [] };

/** Applies writes to a plain object the way storage would, so the tests read back what a reader would see. */
function applyAll(store: Record<string, unknown>, state: LogState, batches: number[], capacity?: number): LogState {
  let s = state;
  let i = 0;
  for (const n of batches) {
    const w = appendToLog(s, changes(n, i), capacity === undefined ? {} : { capacity });
    i += n;
    Object.assign(store, structuredClone(w.set));
    for (const k of w.remove) delete store[k];
    s = w.state;
  }
  return s;
}

describe('appendToLog', () => {
  it('numbers entries from the meta and writes only the meta and the chunk being filled', () => {
    const w = appendToLog(empty, changes(3));
    expect(Object.keys(w.set).sort()).toEqual([chunkKey(0), META_KEY].sort());
    expect(stored(w.set[chunkKey(0)]).map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(w.set[META_KEY]).toMatchObject({ nextSeq: 3, firstSeq: 0, dropped: 0 });
    expect(w.remove).toEqual([]);
    expect(w.state.tail.map((e) => e.cookie.value)).toEqual(['v0', 'v1', 'v2']);
  });

  it('keeps time, cause and removed of each change', () => {
    const w = appendToLog(empty, [{ ...change(7), cause: 'overwrite', removed: true }]);
    const [e] = stored(w.set[chunkKey(0)]);
    expect(e).toMatchObject({ seq: 0, time: 1_007, cause: 'overwrite', removed: true });
  });

  it('rolls over to the next chunk when one fills, touching each chunk once', () => {
    const s = applyAll({}, empty, [CHUNK_SIZE - 2]);
    const w = appendToLog(s, changes(5, CHUNK_SIZE - 2));
    const first = stored(w.set[chunkKey(0)]);
    const second = stored(w.set[chunkKey(1)]);
    expect(first).toHaveLength(CHUNK_SIZE);
    expect(first.at(-1)?.seq).toBe(CHUNK_SIZE - 1);
    expect(second.map((e) => e.seq)).toEqual([CHUNK_SIZE, CHUNK_SIZE + 1, CHUNK_SIZE + 2]);
    expect(w.state.tail.map((e) => e.seq)).toEqual([CHUNK_SIZE, CHUNK_SIZE + 1, CHUNK_SIZE + 2]);
  });

  it('starts an empty tail when the last entry closes a chunk', () => {
    const s = applyAll({}, empty, [CHUNK_SIZE]);
    expect(s.tail).toEqual([]);
    const w = appendToLog(s, changes(1, CHUNK_SIZE));
    expect(Object.keys(w.set).sort()).toEqual([chunkKey(1), META_KEY].sort());
  });

  it('keeps the newest `capacity` entries, counts the dropped ones and removes whole chunks below the bound', () => {
    const store: Record<string, unknown> = {};
    const capacity = 250;
    const s = applyAll(store, empty, [120, 120, 120], capacity);
    expect(s.meta).toMatchObject({ nextSeq: 360, firstSeq: 110, dropped: 110 });
    expect(
      Object.keys(store)
        .filter((k) => k !== META_KEY)
        .sort(),
    ).toEqual([chunkKey(1), chunkKey(2), chunkKey(3)].sort());
    const entries = entriesFromChunks(s.meta, store);
    expect(entries).toHaveLength(capacity);
    expect(entries[0]?.seq).toBe(110);
    expect(entries.at(-1)?.seq).toBe(359);
  });

  it('with the real capacity, 5,000 entries are kept and the 5,001st drops the oldest', () => {
    const store: Record<string, unknown> = {};
    let s = applyAll(store, empty, Array(50).fill(100));
    expect(entriesFromChunks(s.meta, store)).toHaveLength(LOG_CAPACITY);
    expect(s.meta.dropped).toBe(0);
    s = applyAll(store, s, [1]);
    const entries = entriesFromChunks(s.meta, store);
    expect(entries).toHaveLength(LOG_CAPACITY);
    expect(s.meta.dropped).toBe(1);
    expect(entries[0]?.seq).toBe(1);
  });

  it('writes nothing of a batch larger than the whole log except its newest `capacity` entries', () => {
    const w = appendToLog(empty, changes(35), { capacity: 10 });
    const written = Object.entries(w.set)
      .filter(([k]) => k !== META_KEY)
      .flatMap(([, v]) => stored(v));
    expect(written.map((e) => e.seq)).toEqual([25, 26, 27, 28, 29, 30, 31, 32, 33, 34]);
    expect(w.state.meta).toMatchObject({ nextSeq: 35, firstSeq: 25, dropped: 25 });
  });

  it('cuts long values and names and records their original lengths', () => {
    const long = 'x'.repeat(4000);
    const w = appendToLog(empty, [change(0, { value: long, name: 'n'.repeat(600) }), change(1, { value: 'short' })]);
    const [cut, kept] = stored(w.set[chunkKey(0)]);
    expect(cut?.cookie.value).toHaveLength(MAX_VALUE_CHARS);
    expect(cut?.valueLength).toBe(4000);
    expect(cut?.cookie.name).toHaveLength(MAX_NAME_CHARS);
    expect(cut?.nameLength).toBe(600);
    expect(kept?.cookie.value).toBe('short');
    expect(kept).not.toHaveProperty('valueLength');
    expect(kept).not.toHaveProperty('nameLength');
  });

  it('does not change the state it was given', () => {
    const s = applyAll({}, empty, [3]);
    const before = structuredClone(s);
    appendToLog(s, changes(4, 3));
    expect(s).toEqual(before);
  });

  it('continues the seq from a stored meta (a restarted worker)', () => {
    const store: Record<string, unknown> = {};
    applyAll(store, empty, [42]);
    const meta = store[META_KEY] as LogState['meta'];
    const tail = stored(store[chunkKey(0)]).slice();
    const w = appendToLog({ meta, tail }, changes(1, 42));
    expect(stored(w.set[chunkKey(0)]).map((e) => e.seq)).toEqual(Array.from({ length: 43 }, (_, i) => i));
  });

  it('stores each chunk as one JSON string and counts its bytes exactly as storage serialises it', () => {
    const hostile = ['é"\\'.repeat(300), '\u{1F600}<>\u2028'.repeat(200), 'x\ud800y', '\u0000\n\t'];
    const w = appendToLog(
      empty,
      hostile.map((value, i) => change(i, { value, path: `/p"${'ü'.repeat(40)}` })),
    );
    const chunk = w.set[chunkKey(0)];
    expect(typeof chunk).toBe('string');
    expect(w.state.meta.chunkBytes).toEqual([Buffer.byteLength(JSON.stringify(chunk), 'utf8')]);
    expect(stored(chunk).map((e) => e.cookie.value)).toEqual(w.state.tail.map((e) => e.cookie.value));
  });
});
