import { signal } from '@preact/signals';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
import { sortCookies } from '../../src/core/cookie/cookie-sort';
import { compileFilter } from '../../src/core/filter/match-cookie';
import { parseFilter } from '../../src/core/filter/parse-filter';
import { createFilterSlice } from '../../src/state/filter-slice';
import { NOW, finding, record, sid, view } from '../ui/fixtures';

describe('filter slice', () => {
  const views = [
    view(record({ name: 'beta', value: 'v1' }), { sessionReason: sid }),
    view(record({ name: 'alpha', value: 'needle' })),
    view(record({ name: 'gamma' }), { findings: [finding()] }),
  ];

  it('leaves every cookie visible in analysis order until told otherwise', () => {
    const f = createFilterSlice(signal<readonly CookieView[]>(views));
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['beta', 'alpha', 'gamma']);
  });

  it('filters by text, session and findings, and follows the cookies it is given', () => {
    const cookies = signal<readonly CookieView[]>(views);
    const f = createFilterSlice(cookies);
    f.text.value = 'NEEDLE';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['alpha']);
    f.text.value = '';
    f.sessionOnly.value = true;
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['beta']);
    f.sessionOnly.value = false;
    f.findingsOnly.value = true;
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['gamma']);
    cookies.value = views.slice(0, 2);
    expect(f.visible.value).toEqual([]);
  });

  it('speaks the filter language, keeps filtering with the valid terms and reports the wrong ones', () => {
    const f = createFilterSlice(signal<readonly CookieView[]>(views));
    f.text.value = 'session:yes';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['beta']);
    f.text.value = '-has:finding name:a';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['beta', 'alpha']);
    f.text.value = 'flag:sticky alpha';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['alpha']);
    expect(f.parsed.value.errors).toEqual([
      expect.objectContaining({ start: 0, end: 11, message: expect.stringContaining('flag must be one of') }),
    ]);
    f.text.value = 'severity>=high';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(
      views.filter((v) => v.findings.some((x) => ['high', 'critical'].includes(x.severity))).map((v) => v.cookie.name),
    );
  });

  it('compares expiry with the clock it is given, and follows it', () => {
    const now = signal(NOW);
    const soon = view(record({ name: 'soon', browserSession: false, expirationDate: NOW / 1000 + 3600 }));
    const f = createFilterSlice(signal<readonly CookieView[]>([...views, soon]), now);
    f.text.value = 'expires<2h';
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['soon']);
    f.text.value = 'expires<30m';
    expect(f.visible.value).toEqual([]);
    now.value = NOW + 45 * 60_000;
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['soon']);
  });

  it('sorts by a column, and the same column again flips the direction', () => {
    const f = createFilterSlice(signal<readonly CookieView[]>(views));
    f.sortBy('name');
    expect(f.sort.value).toEqual({ column: 'name', dir: 'asc' });
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['alpha', 'beta', 'gamma']);
    f.sortBy('name');
    expect(f.visible.value.map((v) => v.cookie.name)).toEqual(['gamma', 'beta', 'alpha']);
  });

  it('is fresh for each caller', () => {
    const a = createFilterSlice(signal<readonly CookieView[]>(views));
    const b = createFilterSlice(signal<readonly CookieView[]>(views));
    a.text.value = 'x';
    expect(b.text.value).toBe('');
  });

  it('shows after any run of typing, erasing, sorting and list changes what filtering the whole list shows', () => {
    const names = ['pref_1', 'pref_2', 'pre', 'other_1', 'PREF_X', 'sid', 'p'];
    const all = names.map((n, i) =>
      view(record({ name: n, value: `v${i}` }), i % 3 === 0 ? { sessionReason: sid } : {}),
    );
    const step = fc.oneof(
      fc.constantFrom('p', 'r', 'e', 'f', '_', '1', ' ', 'name:', '-', 'x'),
      fc.constant('<backspace>'),
      fc.constant('<sort>'),
      fc.constant('<session>'),
      fc.constant('<list>'),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const cookies = signal<readonly CookieView[]>(all);
        const f = createFilterSlice(cookies, signal(NOW));
        for (const s of steps) {
          if (s === '<backspace>') f.text.value = f.text.value.slice(0, -1);
          else if (s === '<sort>') f.sortBy('name');
          else if (s === '<session>') f.sessionOnly.value = !f.sessionOnly.value;
          else if (s === '<list>') cookies.value = cookies.value.length === all.length ? all.slice(1) : all;
          else f.text.value += s;
          const match = compileFilter(parseFilter(f.text.value).query);
          const expected = sortCookies(cookies.value, f.sort.value).filter(
            (v) => (!f.sessionOnly.value || v.sessionReason !== null) && match(v, NOW),
          );
          expect(f.visible.value.map((v) => v.key)).toEqual(expected.map((v) => v.key));
        }
      }),
    );
  });
});
