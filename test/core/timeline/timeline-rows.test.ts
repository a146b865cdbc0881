import { describe, expect, it } from 'vitest';
import { timelineRows } from '../../../src/core/timeline/timeline-rows';
import { makeCookie } from '../../fakes/make-cookie';
import { entryMaker } from '../../fakes/make-entry';

const entry = entryMaker();

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
