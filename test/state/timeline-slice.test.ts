import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../src/protocol/messages';
import { createTimelineSlice } from '../../src/state/timeline-slice';
import { setEntry } from '../fakes/make-entry';
import { NOW, record } from '../ui/fixtures';

function entry(seq: number, name = 'sid'): ChangeLogEntry {
  return setEntry(seq, NOW + seq, record({ name }));
}

describe('timeline slice', () => {
  it('keeps the newest entries in sequence order and counts the dropped ones', () => {
    const t = createTimelineSlice(3);
    t.setTimeline([entry(2), entry(1)], 7);
    expect(t.entries.value.map((e) => e.seq)).toEqual([1, 2]);
    expect(t.nextLocalSeq()).toBe(3);
    t.appendTimeline([entry(2), entry(3), entry(4)]);
    expect(t.entries.value.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(t.dropped.value).toBe(8);
  });

  it("shows the log's first entry (sequence 0), and a Clear of an empty view hides none that come later", () => {
    const t = createTimelineSlice();
    t.clearView();
    t.setTimeline([entry(0), entry(1)], 0);
    expect(t.shown.value.map((e) => e.seq)).toEqual([0, 1]);
    t.clearView();
    t.appendTimeline([entry(2)]);
    expect(t.shown.value.map((e) => e.seq)).toEqual([2]);
  });

  it('starts empty, numbers local entries from 1 and ignores what it already holds', () => {
    const t = createTimelineSlice();
    expect(t.nextLocalSeq()).toBe(1);
    t.appendTimeline([entry(1)]);
    const before = t.entries.value;
    t.appendTimeline([entry(1)]);
    t.appendTimeline([]);
    expect(t.entries.value).toBe(before);
  });

  it('a new timeline replaces the old one and its dropped count', () => {
    const t = createTimelineSlice(2);
    t.setTimeline([entry(1), entry(2), entry(3)], 0);
    expect(t.dropped.value).toBe(1);
    t.setTimeline([], 0);
    expect(t.entries.value).toEqual([]);
    expect(t.dropped.value).toBe(0);
  });
});

describe('timeline view controls', () => {
  const at = (seq: number, name = 'sid'): ChangeLogEntry => ({
    seq,
    time: seq,
    cause: 'explicit',
    removed: false,
    cookie: record({ name, value: String(seq) }),
  });

  it('pause holds the shown entries and counts the new ones; resume shows them all', () => {
    const t = createTimelineSlice();
    t.setTimeline([at(1), at(2)], 0);
    t.togglePause();
    t.appendTimeline([at(3), at(4)]);
    expect(t.shown.value.map((e) => e.seq)).toEqual([1, 2]);
    expect(t.waiting.value).toBe(2);
    t.togglePause();
    expect(t.shown.value.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(t.waiting.value).toBe(0);
  });

  it('clear empties the view but not the entries, and the filter matches name, domain or path', () => {
    const t = createTimelineSlice();
    t.setTimeline([at(1, 'sid'), at(2, 'theme')], 0);
    t.query.value = 'THE';
    expect(t.shown.value.map((e) => e.cookie.name)).toEqual(['theme']);
    t.query.value = 'app.example.com/';
    expect(t.shown.value).toHaveLength(2);
    t.clearView();
    expect(t.shown.value).toEqual([]);
    expect(t.entries.value).toHaveLength(2);
    t.appendTimeline([at(3)]);
    expect(t.shown.value.map((e) => e.seq)).toEqual([3]);
  });
});
