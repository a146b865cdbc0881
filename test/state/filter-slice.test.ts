import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
import { createFilterSlice } from '../../src/state/filter-slice';
import { finding, record, sid, view } from '../ui/fixtures';

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
});
