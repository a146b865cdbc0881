import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../src/core/analyze-site';
import { createSelectionSlice } from '../../src/state/selection-slice';
import { record, view } from '../ui/fixtures';

const views = ['alpha', 'beta', 'gamma'].map((n) => view(record({ name: n })));

describe('selection slice', () => {
  it('selects among the rows it is given by index (clamped); an open detail follows', () => {
    const rows = signal<readonly CookieView[]>(views);
    const s = createSelectionSlice(signal<readonly CookieView[]>(views), rows);
    expect(s.selectIndex(0)).toBe(views[0]!.key);
    expect(s.detailKey.value).toBeNull();
    s.open(views[0]!.key);
    s.selectIndex(1);
    expect(s.selectedKey.value).toBe(views[1]!.key);
    expect(s.detail.value?.cookie.name).toBe('beta');
    s.selectIndex(5);
    expect(s.selectedKey.value).toBe(views[2]!.key);
    expect(s.selectIndex(-3)).toBe(views[0]!.key);
    rows.value = [views[2]!];
    expect(s.selectIndex(0)).toBe(views[2]!.key);
    rows.value = [];
    expect(s.selectIndex(0)).toBeNull();
  });

  it('closes the detail and keeps the selection', () => {
    const s = createSelectionSlice(signal<readonly CookieView[]>(views));
    s.open(views[1]!.key);
    s.closeDetail();
    expect(s.detailKey.value).toBeNull();
    expect(s.selectedKey.value).toBe(views[1]!.key);
  });

  it('shows a detail only while the cookie exists', () => {
    const cookies = signal<readonly CookieView[]>(views);
    const s = createSelectionSlice(cookies);
    s.open(views[0]!.key);
    expect(s.detail.value?.key).toBe(views[0]!.key);
    cookies.value = views.slice(1);
    expect(s.detail.value).toBeNull();
    expect(s.detailKey.value).toBe(views[0]!.key);
  });

  it('toggles expanded rows and forgets everything on reset', () => {
    const s = createSelectionSlice(signal<readonly CookieView[]>(views));
    s.toggleExpanded('a');
    s.toggleExpanded('b');
    s.toggleExpanded('a');
    expect([...s.expanded.value]).toEqual(['b']);
    s.open(views[0]!.key);
    s.reset();
    expect(s.expanded.value.size).toBe(0);
    expect(s.selectedKey.value).toBeNull();
    expect(s.detailKey.value).toBeNull();
  });

  it('checks rows one by one, a shift-extended run from the last one checked, and all shown', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => view(record({ name: n })));
    const key = (i: number) => five[i]!.key;
    const cookies = signal<readonly CookieView[]>(five);
    // Shown in another order than the site's list: the run follows what is shown.
    const rows = signal<readonly CookieView[]>([five[4]!, five[3]!, five[2]!, five[1]!, five[0]!]);
    const s = createSelectionSlice(cookies, rows);
    s.toggleMark(key(3));
    s.toggleMark(key(1), true);
    expect([...s.marked.value].sort()).toEqual([key(1), key(2), key(3)].sort());
    // Listed in the site's order, whatever order they were checked in.
    expect(s.markedCookies.value.map((v) => v.cookie.name)).toEqual(['b', 'c', 'd']);
    s.toggleMark(key(2));
    expect(s.markedCookies.value.map((v) => v.cookie.name)).toEqual(['b', 'd']);
    // The anchor is now c: extending to e checks c, d, e and leaves b.
    s.toggleMark(key(4), true);
    expect(s.markedCookies.value.map((v) => v.cookie.name)).toEqual(['b', 'c', 'd', 'e']);
    // A cookie that no longer exists is not among the checked ones.
    cookies.value = five.slice(0, 3);
    expect(s.markedCookies.value.map((v) => v.cookie.name)).toEqual(['b', 'c']);
    s.clearMarks();
    expect(s.marked.value.size).toBe(0);
    // Without an anchor, shift acts on the one row alone.
    s.toggleMark(key(0), true);
    expect([...s.marked.value]).toEqual([key(0)]);
  });

  it('checks every row shown, then unchecks them; reset forgets the checks', () => {
    const rows = signal<readonly CookieView[]>(views.slice(0, 2));
    const s = createSelectionSlice(signal<readonly CookieView[]>(views), rows);
    s.toggleMark(views[2]!.key);
    s.toggleMarkAll();
    expect(s.marked.value.size).toBe(3);
    s.toggleMarkAll();
    expect(s.marked.value.size).toBe(0);
    rows.value = [];
    s.toggleMarkAll();
    expect(s.marked.value.size).toBe(0);
    s.toggleMark(views[0]!.key);
    s.reset();
    expect(s.marked.value.size).toBe(0);
  });
});
