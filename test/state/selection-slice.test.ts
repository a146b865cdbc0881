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
});
