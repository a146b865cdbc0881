import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '../../../src/core/timeline/change-log-entry';
import { timelineRows } from '../../../src/core/timeline/timeline-rows';
import { makeCookie } from '../../fakes/make-cookie';

let seq = 0;
function entry(name: string, value: string, over: Partial<ChangeLogEntry> = {}): ChangeLogEntry {
  seq++;
  return { seq, time: seq, cause: 'explicit', removed: false, cookie: makeCookie({ name, value }), ...over };
}

const isSid = (c: { name: string }) => c.name === 'sid';

describe('timelineRows', () => {
  it('gives each set the value it replaced, across the removal a browser reports for an overwrite', () => {
    const rows = timelineRows(
      [
        entry('sid', 'a'),
        entry('sid', 'a', { removed: true, cause: 'overwrite' }),
        entry('sid', 'b'),
        entry('theme', 'dark'),
        entry('theme', 'light'),
        entry('theme', 'light'),
      ],
      isSid,
    );
    expect(rows.map((r) => [r.entry.cookie.name, r.previousValue ?? null, r.rotated])).toEqual([
      ['sid', null, false],
      ['sid', null, false],
      ['sid', 'a', true],
      ['theme', null, false],
      ['theme', 'dark', false],
      ['theme', null, false],
    ]);
  });

  it('keeps cookies of the same name on two paths apart, and orders by sequence', () => {
    const a = entry('sid', 'x');
    const b = entry('sid', 'y', { cookie: makeCookie({ name: 'sid', value: 'y', path: '/admin' }) });
    const c = entry('sid', 'z');
    const rows = timelineRows([c, b, a], isSid);
    expect(rows.map((r) => [r.entry.seq, r.previousValue ?? null])).toEqual([
      [a.seq, null],
      [b.seq, null],
      [c.seq, 'x'],
    ]);
  });
});
