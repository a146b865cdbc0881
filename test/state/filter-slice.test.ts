import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
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
});
