// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CookieTable } from '../../src/devtools/CookieTable';
import { createPanelStore } from '../../src/state/create-panel-store';
import { NOW, analysis, record, view } from '../ui/fixtures';
import { renderWithStore } from '../ui/render';

afterEach(cleanup);

const N = 5000;

function bigTable() {
  const store = createPanelStore({ now: NOW });
  const views = Array.from({ length: N }, (_, i) => view(record({ name: `c${String(i).padStart(5, '0')}` })));
  store.site.showAnalysis(analysis(views), NOW);
  renderWithStore(<CookieTable />, store);
  return store;
}

const rows = () => screen.getAllByTestId('cookie-row');
const names = () => rows().map((r) => r.dataset.name);

describe('CookieTable, virtualised', () => {
  it('draws only the rows in view, and says how many there are', () => {
    bigTable();
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
    expect(names()[0]).toBe('c00000');
    const table = screen.getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe(String(N + 1));
    expect(rows()[0]!.getAttribute('aria-rowindex')).toBe('2');
    // A spacer stands in for the rows below, so the scrollbar is as long as the whole list.
    const spacer = table.querySelector<HTMLElement>('tr.spacer')!;
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
    expect(parseFloat(spacer.style.height)).toBeGreaterThan((N - 100) * 24);
  });

  // Scrolling to rows that are not drawn needs layout: test/e2e/chromium-panel-scale.e2e.ts covers it in Chromium.
  it('PageDown and PageUp move by a screenful, End and Home to the ends, Enter opens the row', async () => {
    const store = bigTable();
    const focused = () => (document.activeElement as HTMLElement).dataset.name;
    rows()[0]!.focus();
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(rows()[0]!.dataset.key));
    // The unlaid-out box counts as 40 rows high; a page keeps one row of context.
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    await waitFor(() => expect(focused()).toBe('c00039'));
    fireEvent.keyDown(document.activeElement!, { key: 'PageUp' });
    await waitFor(() => expect(focused()).toBe('c00000'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(store.filter.visible.value[N - 1]!.key));
    fireEvent.keyDown(rows()[0]!, { key: 'Home' });
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(store.filter.visible.value[0]!.key));
    fireEvent.keyDown(rows()[0]!, { key: 'Enter' });
    await waitFor(() => expect(store.selection.detailKey.value).toBe(store.filter.visible.value[0]!.key));
  });

  it('follows the filter: the matching rows only, from the top', async () => {
    const store = bigTable();
    store.filter.text.value = 'c0499';
    await waitFor(() => expect(names()).toEqual(Array.from({ length: 10 }, (_, i) => `c0499${i}`)));
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('11');
    expect(screen.getByRole('table').querySelector('tr.spacer')).toBeNull();
  });
});
