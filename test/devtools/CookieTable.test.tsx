// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { Fragment, options, type VNode } from 'preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CookieTable } from '../../src/devtools/CookieTable';
import { createPanelStore } from '../../src/state/create-panel-store';
import { OVERSCAN, ROW_HEIGHT, useVirtualRows } from '../../src/ui/use-virtual-rows';
import { DAY, NOW, analysis, record, view } from '../ui/fixtures';
import { formatDate } from '../../src/ui/format-date';
import { renderWithStore, shownRows } from '../ui/render';
import { renderWithEdit } from '../ui/recording-edit';
import { SETTLE_MS } from '../../src/ui/use-row-slots';
import type * as FlagLettersModule from '../../src/devtools/FlagLetters';

// Every drawn row renders its flags cell once: counting FlagLetters' calls counts the rows rendered.
const chips = vi.hoisted(() => ({ renders: 0 }));
vi.mock('../../src/devtools/FlagLetters', async (importOriginal) => {
  const real = await importOriginal<typeof FlagLettersModule>();
  return {
    ...real,
    FlagLetters: (props: Parameters<typeof real.FlagLetters>[0]) => {
      chips.renders++;
      return real.FlagLetters(props);
    },
  };
});

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

/** Lets every scheduled render run. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('CookieTable: the selected cookie deleted', () => {
  it('keeps the one Tab stop in the deleted row’s place, and the arrow keys go on from there', async () => {
    const store = createPanelStore({ now: NOW });
    const views = ['a', 'b', 'c', 'd'].map((name) => view(record({ name })));
    store.site.showAnalysis(analysis(views), NOW);
    renderWithStore(<CookieTable />, store);
    const tabbable = () =>
      rows()
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.dataset.name);
    store.selection.open(views[2]!.key);
    await waitFor(() => expect(tabbable()).toEqual(['c']));
    // c deleted (from its detail): the selection still names it.
    store.site.showAnalysis(analysis([views[0]!, views[1]!, views[3]!]), NOW);
    await waitFor(() => expect(names()).toEqual(['a', 'b', 'd']));
    expect(store.selection.selectedKey.value).toBe(views[2]!.key);
    expect(tabbable()).toEqual(['d']);
    rows()[2]!.focus();
    fireEvent.keyDown(rows()[2]!, { key: 'ArrowUp' });
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(views[1]!.key));
    // The last row deleted: the stop goes to the row before.
    store.site.showAnalysis(analysis([views[0]!, views[1]!, views[3]!]), NOW);
    store.selection.open(views[3]!.key);
    await waitFor(() => expect(tabbable()).toEqual(['d']));
    store.site.showAnalysis(analysis([views[0]!, views[1]!]), NOW);
    await waitFor(() => expect(tabbable()).toEqual(['b']));
  });
});

describe('CookieTable: Delete from the keyboard', () => {
  function table(withEdit: boolean) {
    const store = createPanelStore({ now: NOW });
    const views = ['a', 'b', 'c', 'd'].map((name) => view(record({ name })));
    store.site.showAnalysis(analysis(views), NOW);
    const writes = withEdit
      ? renderWithEdit(<CookieTable />, store).writes
      : (renderWithStore(<CookieTable />, store), []);
    const rowNamed = (name: string) => rows().find((r) => r.dataset.name === name)!;
    return { store, views, writes, rowNamed };
  }

  it('deletes the focused row, then selects and focuses the row in its place', async () => {
    const { store, views, writes, rowNamed } = table(true);
    rowNamed('b').focus();
    expect(fireEvent.keyDown(rowNamed('b'), { key: 'Delete' })).toBe(false);
    expect(writes).toEqual([{ label: 'delete of b', ops: [{ kind: 'remove', cookie: views[1]!.cookie }] }]);
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(views[2]!.key));
    expect((document.activeElement as HTMLElement).dataset.name).toBe('c');
    // The last row: the one before takes its place. Backspace does the same.
    rowNamed('d').focus();
    fireEvent.keyDown(rowNamed('d'), { key: 'Backspace' });
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(views[2]!.key));
    expect(writes.map((w) => w.label)).toEqual(['delete of b', 'delete of d']);
  });

  it('deletes the checked rows shown instead, in one write, and clears the checks', async () => {
    const { store, views, writes, rowNamed } = table(true);
    store.selection.toggleMark(views[0]!.key);
    store.selection.toggleMark(views[2]!.key);
    rowNamed('b').focus();
    fireEvent.keyDown(rowNamed('b'), { key: 'Delete' });
    expect(writes).toEqual([
      {
        label: 'delete of 2 selected cookies',
        ops: [views[0]!, views[2]!].map((v) => ({ kind: 'remove', cookie: v.cookie })),
      },
    ]);
    expect(store.selection.marked.value.size).toBe(0);
    // The row after the last one checked.
    await waitFor(() => expect(store.selection.selectedKey.value).toBe(views[3]!.key));
  });

  it('does nothing where the panel cannot write', () => {
    const { store, rowNamed } = table(false);
    rowNamed('b').focus();
    expect(fireEvent.keyDown(rowNamed('b'), { key: 'Delete' })).toBe(true);
    expect(store.selection.selectedKey.value).toBeNull();
    expect(names()).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('CookieTable: a change renders only the rows it changes', () => {
  it('a filter that leaves every drawn row in place renders none of them again', async () => {
    const store = bigTable();
    await settle();
    const drawn = names();
    expect(drawn.length).toBeGreaterThan(10);
    chips.renders = 0;
    // Every name has a "c": the list narrows to the same rows in the same places.
    store.filter.text.value = 'c';
    await settle();
    expect(names()).toEqual(drawn);
    expect(chips.renders).toBe(0);

    // Selecting a row renders that row and the one that held the Tab stop (the first), no other.
    store.selection.selectIndex(2);
    await waitFor(() => expect(rows()[2]!.getAttribute('aria-selected')).toBe('true'));
    await settle();
    expect(rows()[0]!.tabIndex).toBe(-1);
    expect(chips.renders).toBe(2);

    // A filter that puts other cookies in the places renders the rows again.
    chips.renders = 0;
    store.filter.text.value = 'c0199';
    await waitFor(() => expect(names()).toEqual(Array.from({ length: 10 }, (_, i) => `c0199${i}`)));
    expect(chips.renders).toBeGreaterThanOrEqual(10);
  });

  it('a filter that leaves every drawn row in place writes nothing in the table, its headers included', async () => {
    const store = bigTable();
    await settle();
    const writes: string[] = [];
    const note = (records: MutationRecord[]) => {
      for (const r of records) writes.push(`${r.type} in ${r.target.parentElement?.className ?? r.target.nodeName}`);
    };
    const observer = new MutationObserver(note);
    observer.observe(screen.getByTestId('cookie-table-scroll'), {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    store.filter.text.value = 'c';
    await settle();
    note(observer.takeRecords());
    observer.disconnect();
    // The unsorted columns' sort marks were once an empty text, written again (to itself) at every keystroke.
    expect(writes).toEqual([]);
  });

  it('a filter that puts other cookies in the places diffs no Fragment inside the rows', async () => {
    const store = bigTable();
    await settle();
    // Every vnode Preact diffs passes options.diffed: count the Fragments (an array written beside other children
    // becomes one, and each is diffed as a node of its own in every drawn row at each keystroke).
    let fragments = 0;
    const before = options.diffed;
    options.diffed = (vnode: VNode) => {
      if (vnode.type === Fragment) fragments++;
      before?.(vnode);
    };
    try {
      store.filter.text.value = 'c0199';
      await waitFor(() => expect(names()).toEqual(Array.from({ length: 10 }, (_, i) => `c0199${i}`)));
      await settle();
    } finally {
      options.diffed = before;
    }
    // The table's own lists (the header's columns, the drawn rows) are one Fragment each, at most: none per row.
    expect(fragments).toBeLessThan(rows().length);
  });
});

describe('CookieTable: typing keeps the rows still in view', () => {
  const shownNames = () => shownRows().map((r) => r.dataset.name);
  const shiftOf = (r: HTMLElement) => r.style.transform;

  it('keeps each such row in its element, moved on screen; a pause puts the elements back in list order', async () => {
    const store = bigTable();
    await settle();
    const before = new Map(rows().map((r) => [r.dataset.name!, r]));
    chips.renders = 0;
    // Names with a "1": c00001, c00010 … c00019, c00021 … of the drawn c00000 … c00039, now in other places.
    store.filter.text.value = '1';
    await settle();
    const want = store.filter.visible.value.slice(0, rows().length).map((v) => v.cookie.name);
    expect(shownNames()).toEqual(want);
    const kept = want.filter((n) => before.has(n));
    expect(kept.length).toBeGreaterThan(10);
    // The same element for each kept row, and no element made: the rows that left lent theirs to the new ones.
    for (const name of kept) expect(shownRows().find((r) => r.dataset.name === name)).toBe(before.get(name));
    expect(rows().every((r) => [...before.values()].includes(r))).toBe(true);
    // Only the rows given another cookie were rendered, and the first row again for the Tab stop it now holds.
    expect(chips.renders).toBeLessThanOrEqual(want.length - kept.length + 1);
    // On screen each element is drawn at its row's place: its offset is the difference from its DOM place.
    expect(names()).not.toEqual(want);
    rows().forEach((r, domAt) => {
      expect(shiftOf(r)).toBe(`translateY(${(want.indexOf(r.dataset.name!) - domAt) * ROW_HEIGHT}px)`);
    });

    // The pause: DOM order is the order shown, every offset 0, the same elements.
    await new Promise((r) => setTimeout(r, SETTLE_MS + 50));
    expect(names()).toEqual(want);
    expect(rows().map(shiftOf)).toEqual(want.map(() => 'translateY(0px)'));
    for (const name of kept) expect(rows().find((r) => r.dataset.name === name)).toBe(before.get(name));
  });

  it('puts the elements in order at once when not typing (a sort)', async () => {
    const store = bigTable();
    await settle();
    store.filter.text.value = '1';
    await settle();
    expect(names()).not.toEqual(shownNames());
    fireEvent.click(screen.getByTestId('sort-name'));
    await settle();
    expect(names()).toEqual(store.filter.visible.value.slice(0, rows().length).map((v) => v.cookie.name));
    expect(rows().every((r) => shiftOf(r) === 'translateY(0px)')).toBe(true);
  });
});

describe('useVirtualRows: renders', () => {
  it('keep the table of row offsets while the count stays (no rebuild over every row at each render)', () => {
    const seen: unknown[] = [];
    function Probe({ tick }: { tick: number }) {
      const box = useRef<HTMLDivElement>(null);
      // The library rebuilds its offsets whenever an option in its memo key changes, getItemKey among them.
      seen.push(useVirtualRows(N, box).virtualizer.options.getItemKey);
      return <div ref={box} data-tick={tick} />;
    }
    const { rerender } = render(<Probe tick={0} />);
    rerender(<Probe tick={1} />);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(seen[0]);
  });
});

describe('useVirtualRows: the first render', () => {
  function Probe({ expected, seen, header }: { expected?: () => number; seen: number[]; header?: number }) {
    const box = useRef<HTMLDivElement>(null);
    const v = useVirtualRows(N, box, expected, header);
    seen.push(v.last - v.first + 1);
    return <div ref={box} />;
  }

  it('draws the rows of the height it is told to expect, not an unlaid-out screenful', () => {
    const told: number[] = [];
    render(<Probe expected={() => 10 * ROW_HEIGHT} seen={told} />);
    const untold: number[] = [];
    render(<Probe seen={untold} />);
    // Ten rows in view and the overscan below them; without a height, the 40 rows of an unlaid-out box.
    expect(told[0]).toBe(10 + OVERSCAN);
    expect(untold[0]).toBe(40 + OVERSCAN);
  });

  it('leaves out the rows a sticky header covers', () => {
    const seen: number[] = [];
    render(<Probe expected={() => 10 * ROW_HEIGHT} header={ROW_HEIGHT} seen={seen} />);
    // The header takes a row's height of the ten: nine rows show under it.
    expect(seen[0]).toBe(9 + OVERSCAN);
  });
});

describe('CookieTable: one-line rows', () => {
  function oneRow(c: Parameters<typeof record>[0]) {
    const store = createPanelStore({ now: NOW });
    store.site.showAnalysis(analysis([view(record(c))]), NOW);
    renderWithStore(<CookieTable />, store);
    return rows()[0]!;
  }

  it('holds each text in its cell, with no wrapper element, and hidden characters still made visible', () => {
    const row = oneRow({ name: 'sid', value: 'a\u202eb', path: '/app' });
    const name = row.querySelector<HTMLElement>('[data-testid="cookie-name"]')!;
    expect(name.tagName).toBe('TD');
    expect(name.textContent).toBe('sid');
    const value = row.querySelector<HTMLElement>('[data-testid="cookie-value"]')!;
    expect(value.tagName).toBe('TD');
    expect(value.querySelector('abbr.hidden-char')?.getAttribute('title')).toBe('U+202E');
    expect(value.textContent).not.toContain('\u202e');
    expect(row.querySelector('[data-testid="cookie-size"]')!.tagName).toBe('TD');
    expect(row.querySelector('[data-testid="cookie-expiry"]')!.tagName).toBe('TD');
    // A checkbox, ten cells and the flags' letters: nothing else.
    expect(row.querySelectorAll('*').length).toBeLessThanOrEqual(17);
  });

  it('shows how long a cookie has left as the expiry cell text, with the date as its tooltip', () => {
    const dated = oneRow({ name: 'dated', browserSession: false, expirationDate: (NOW + 13 * DAY + 60_000) / 1000 });
    const cell = dated.querySelector<HTMLElement>('[data-testid="cookie-expiry"]')!;
    // The distance is the whole text (a column of about 90 px cut the date-first text after the day), in no element.
    expect(cell.textContent).toBe('in 13 days');
    expect(cell.childElementCount).toBe(0);
    expect(cell.title).toBe(`${formatDate(NOW + 13 * DAY + 60_000)} (in 13 days)`);
    expect([cell.dataset.kind, cell.dataset.expired]).toEqual(['expires', 'false']);
    cleanup();
    const gone = oneRow({ name: 'gone', browserSession: false, expirationDate: (NOW - 2 * 3600_000) / 1000 });
    const old = gone.querySelector<HTMLElement>('[data-testid="cookie-expiry"]')!;
    expect([old.textContent, old.dataset.expired, old.className.includes('expired')]).toEqual([
      'expired 2 h ago',
      'true',
      true,
    ]);
    cleanup();
    const session = oneRow({ name: 'session', browserSession: true, expirationDate: undefined });
    const s = session.querySelector<HTMLElement>('[data-testid="cookie-expiry"]')!;
    expect([s.textContent, s.dataset.kind]).toEqual(['session', 'session']);
    expect(s.title).toMatch(/no expiry date/i);
  });

  it('shows each flag as one letter element named by its label, with its explanation once as the tooltip', () => {
    const row = oneRow({ httpOnly: true, secure: false, sameSite: 'lax', hostOnly: true });
    const cell = row.querySelector<HTMLElement>('[data-testid="cookie-flags"]')!;
    const letters = [...cell.querySelectorAll<HTMLElement>('[data-flag]')];
    expect(letters.map((l) => [l.dataset.flag, l.dataset.on, l.textContent, l.getAttribute('aria-label')])).toEqual([
      ['httponly', 'true', 'H', 'HttpOnly'],
      ['secure', 'false', 'S', 'no Secure'],
      ['samesite', 'true', 'Lax', 'SameSite=Lax'],
      ['hostonly', 'true', 'Host', 'Host-only'],
    ]);
    // Named graphics: a screen reader says the label, not the letter.
    expect(letters.every((l) => l.children.length === 0 && l.getAttribute('role') === 'img')).toBe(true);
    // The tooltip says the flag once ("Not Secure: …"), not the label and then the flag again.
    expect(letters[1]!.title).toBe('Not Secure: also sent over plain HTTP');
    expect(letters[1]!.className).toContain('weak');
    // The letters are all the cell holds: no second, hidden copy of the labels to lay out in every row.
    expect(cell.childElementCount).toBe(letters.length);
  });
});
