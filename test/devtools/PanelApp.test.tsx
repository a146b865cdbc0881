// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelApp } from '../../src/devtools/PanelApp';
import type { ChangeLogEntry } from '../../src/protocol/messages';
import { createPanelStore } from '../../src/state/create-panel-store';
import { DAY, NOW, analysis, finding, record, sid, view } from '../ui/fixtures';
import { datasets, renderWithStore, expectTexts, panelStoreShowing, shownRows } from '../ui/render';
import { renderWithEdit } from '../ui/recording-edit';
import { makeJwt } from '../fakes/make-jwt';

afterEach(cleanup);

function cookies() {
  return [
    view(record({ name: 'sid', value: 's3cr3t', httpOnly: true }), { sessionReason: sid, findings: [finding()] }),
    view(record({ name: 'b_pref', value: 'dark', browserSession: false, expirationDate: (NOW + 2 * DAY) / 1000 })),
    view(
      record({
        name: 'a_track',
        value: 'x'.repeat(200),
        domain: '.example.com',
        hostOnly: false,
        browserSession: false,
      }),
      {
        findings: [finding({ ruleId: 'crit', severity: 'critical' })],
      },
    ),
  ];
}

function panel(store = createPanelStore({ now: NOW })) {
  renderWithStore(<PanelApp onRequestPermission={() => {}} />, store);
  return { store, main: screen.getByTestId('panel') };
}

/** A panel store showing the analysis of `cookies()`, graded as `audit` says. */
const analyzedPanelStore = (audit: Parameters<typeof analysis>[1] = {}) =>
  panelStoreShowing(analysis(cookies(), audit));

const GRADE_C = { grade: 'C', score: 60 } as const;

function readyPanel() {
  return panel(analyzedPanelStore(GRADE_C));
}

const names = () => shownRows().map((r) => r.dataset.name);
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const filterBy = (value: string) => fireEvent.input(screen.getByTestId('filter'), { target: { value } });
/** Clicks `testId`, then waits until the rows are `expected`, in order. */
async function clickThenRows(testId: string, expected: string[]) {
  click(testId);
  await waitFor(() => expect(names()).toEqual(expected));
}

describe('PanelApp', () => {
  it('shows the cookies as table rows in analysis order, with the contract attributes', () => {
    const { main } = readyPanel();
    expect(main.dataset.state).toBe('ready');
    const rows = screen.getAllByTestId('cookie-row');
    expect(rows.every((r) => r.tagName === 'TR')).toBe(true);
    expect(names()).toEqual(['sid', 'b_pref', 'a_track']);
    expect(rows[0]!.dataset).toMatchObject({ session: 'true', httponly: 'true', findings: '1' });
    expect(within(rows[2]!).getByTestId('cookie-value').dataset.omitted).toBeDefined();
    expect(screen.getByTestId('grade').dataset.grade).toBe('C');
  });

  it('sorts by clicking the column headers, both ways', async () => {
    readyPanel();
    await clickThenRows('sort-name', ['a_track', 'b_pref', 'sid']);
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await clickThenRows('sort-name', ['sid', 'b_pref', 'a_track']);
    click('sort-size');
    await waitFor(() => expect(names()[2]).toBe('a_track'));
    await clickThenRows('sort-findings', ['a_track', 'sid', 'b_pref']);
    click('sort-expiry');
    await waitFor(() => expect(names()[0]).toBe('b_pref'));
  });

  it('hides and shows columns from the columns menu, opened by its button or a right-click on the header', async () => {
    readyPanel();
    const table = () => screen.getByRole('table', { name: 'Cookies' });
    const menu = screen.getByTestId('columns-menu') as HTMLDetailsElement;
    const toggle = (id: string) =>
      screen.getAllByTestId('column-toggle').find((c) => c.dataset.column === id) as HTMLInputElement;
    // No cookie here is partitioned: the wide panel leaves that column out until asked.
    expect(table().dataset.hiddenColumns).toBe('partition');
    expect(screen.getByTestId('columns-toggle').textContent).toBe('Columns (8 of 9)');
    expect(toggle('partition').checked).toBe(false);
    expect(toggle('name').disabled).toBe(true);

    fireEvent.contextMenu(screen.getByTestId('sort-domain'));
    expect(menu.open).toBe(true);
    expect(document.activeElement).toBe(toggle('value'));
    fireEvent.click(toggle('value'));
    fireEvent.click(toggle('partition'));
    await waitFor(() => expect(table().dataset.hiddenColumns).toBe('value'));
    expect(table().classList.contains('hide-value')).toBe(true);
    expect(screen.getByTestId('columns-toggle').textContent).toBe('Columns (8 of 9)');
    expect(toggle('value').checked).toBe(false);

    fireEvent.keyDown(toggle('flags'), { key: 'Escape' });
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('columns-toggle'));

    menu.open = true;
    fireEvent.pointerDown(screen.getByTestId('sort-name'));
    expect(menu.open).toBe(false);

    fireEvent.click(screen.getByTestId('columns-reset'));
    await waitFor(() => expect(table().dataset.hiddenColumns).toBe('partition'));
    expect((screen.getByTestId('columns-reset') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in the columns menu when a column choice could not be kept, and still applies it', async () => {
    const store = createPanelStore({
      now: NOW,
      columnPrefs: {
        load: () => Promise.resolve({}),
        save: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      },
    });
    store.site.showAnalysis(analysis(cookies(), GRADE_C), NOW);
    panel(store);
    expect(screen.queryByTestId('columns-problem')).toBeNull();
    fireEvent.click(screen.getAllByTestId('column-toggle').find((c) => c.dataset.column === 'size')!);
    const problem = await screen.findByTestId('columns-problem');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem).toHaveTextContent(
      'Could not keep this choice after the panel closes: Error: QUOTA_BYTES quota exceeded',
    );
    expect(screen.getByRole('table', { name: 'Cookies' }).dataset.hiddenColumns).toBe('partition size');
  });

  it('filters by text, session only and findings only', async () => {
    readyPanel();
    filterBy('DARK');
    await waitFor(() => expect(names()).toEqual(['b_pref']));
    filterBy('nothing-matches');
    await waitFor(() => expect(screen.queryAllByTestId('cookie-row')).toHaveLength(0));
    expect(screen.getByText(/No cookie matches the filter/)).toBeInTheDocument();
    filterBy('');
    await clickThenRows('filter-session', ['sid']);
    click('filter-session');
    await clickThenRows('filter-findings', ['sid', 'a_track']);
  });

  it('says the table’s keys for checking and deleting where the panel can write, and only there', () => {
    renderWithEdit(<PanelApp onRequestPermission={() => {}} />, panelStoreShowing(analysis(cookies())));
    expect(screen.getByTestId('table-keys').textContent).toBe(
      'In the table, Space checks a row and Delete deletes the checked rows, else the focused one; Undo brings them back.',
    );
    cleanup();
    readyPanel();
    expect(screen.queryByTestId('table-keys')).toBeNull();
  });

  it('fills the detail pane with the clicked row', async () => {
    readyPanel();
    expect(screen.getByTestId('detail')).toHaveTextContent('Select a cookie');
    // While no cookie is open, the site's overview (how the session works) fills the side pane.
    expect(within(screen.getByTestId('site-overview')).getByTestId('session-card')).toHaveAttribute('open');
    fireEvent.click(screen.getAllByTestId('cookie-row')[0]!);
    const detail = screen.getByTestId('detail');
    await waitFor(() => expect(within(detail).getByTestId('cookie-detail')).toBeInTheDocument());
    expect(screen.queryByTestId('site-overview')).toBeNull();
    expect(within(detail).getByTestId('cookie-name')).toHaveTextContent('sid');
    expect(within(detail).getByTestId('cookie-value')).toHaveTextContent('s3cr3t');
    expect(within(detail).getByTestId('copy-value')).toBeInTheDocument();
    expect(within(detail).getByTestId('session-reason')).toBeInTheDocument();
    expect(within(detail).getByTestId('finding').dataset.rule).toBe('session-httponly-missing');
    expect(screen.getAllByTestId('cookie-row')[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('moves the selection with the arrow keys and opens it with Enter', async () => {
    readyPanel();
    const rows = screen.getAllByTestId('cookie-row');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]!.focus();
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[0]);
    await waitFor(() => expect(rows[0]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    await waitFor(() => expect(rows[1]!.getAttribute('aria-selected')).toBe('true'));
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
    expect(screen.getByTestId('detail')).toHaveTextContent('Select a cookie');
    fireEvent.keyDown(rows[1]!, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('detail').dataset.key).toBe(rows[1]!.dataset.key));
    fireEvent.keyDown(rows[1]!, { key: 'ArrowDown' });
    await waitFor(() => expect(screen.getByTestId('detail').dataset.key).toBe(rows[2]!.dataset.key));
    fireEvent.keyDown(rows[2]!, { key: 'Escape' });
    await waitFor(() => expect(screen.getByTestId('detail').dataset.key).toBeUndefined());
  });

  it('checks rows by click, shift-click, Space, Shift+arrows and Ctrl+A, and deletes only the checked ones', async () => {
    const store = analyzedPanelStore(GRADE_C);
    const { writes } = renderWithEdit(<PanelApp onRequestPermission={() => {}} />, store);
    const rows = () => screen.getAllByTestId('cookie-row');
    const checks = () => screen.getAllByTestId('cookie-check') as HTMLInputElement[];
    const marked = () => rows().map((r) => r.dataset.marked);
    expect(screen.queryByTestId('delete-selected')).toBeNull();
    // A click on the checkbox checks without opening the detail.
    fireEvent.click(checks()[0]!);
    await waitFor(() => expect(marked()).toEqual(['true', 'false', 'false']));
    expect(screen.getByTestId('detail').dataset.key).toBeUndefined();
    expect(screen.getByTestId('delete-selected')).toHaveTextContent('Delete selected (1)');
    // Shift-click checks the run from the last one checked.
    fireEvent.click(checks()[2]!, { shiftKey: true });
    await waitFor(() => expect(marked()).toEqual(['true', 'true', 'true']));
    expect((screen.getByTestId('check-all') as HTMLInputElement).checked).toBe(true);
    // Ctrl+A on all checked unchecks them; Space checks the focused row; Shift+ArrowDown extends.
    fireEvent.keyDown(rows()[0]!, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(marked()).toEqual(['false', 'false', 'false']));
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    fireEvent.keyDown(rows()[0]!, { key: 'ArrowDown' });
    await waitFor(() => expect(rows()[1]!.getAttribute('aria-selected')).toBe('true'));
    fireEvent.keyDown(rows()[1]!, { key: ' ' });
    await waitFor(() => expect(marked()).toEqual(['false', 'true', 'false']));
    expect(screen.getByTestId('detail').dataset.key).toBeUndefined();
    fireEvent.keyDown(rows()[1]!, { key: 'ArrowDown', shiftKey: true });
    await waitFor(() => expect(marked()).toEqual(['false', 'true', 'true']));
    expect((screen.getByTestId('check-all') as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(screen.getByTestId('delete-selected'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.label).toBe('delete of 2 selected cookies');
    expect(writes[0]!.ops.map((o) => [o.kind, o.cookie.name])).toEqual([
      ['remove', 'b_pref'],
      ['remove', 'a_track'],
    ]);
    await waitFor(() => expect(screen.queryByTestId('delete-selected')).toBeNull());
    expect(marked()).toEqual(['false', 'false', 'false']);
  });

  it('deletes the filtered rows with "Delete shown", and every cookie of the site with "Delete all"', async () => {
    const store = analyzedPanelStore(GRADE_C);
    const { writes } = renderWithEdit(<PanelApp onRequestPermission={() => {}} />, store);
    // Nothing filtered out: no "Delete shown" beside "Delete all".
    expect(screen.queryByTestId('delete-shown')).toBeNull();
    filterBy('_');
    await waitFor(() => expect(names()).toEqual(['b_pref', 'a_track']));
    expect(screen.getByTestId('delete-shown')).toHaveTextContent('Delete shown (2)');
    click('delete-shown');
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.label).toBe('delete of 2 shown cookies');
    expect(writes[0]!.ops.map((o) => [o.kind, o.cookie.name])).toEqual([
      ['remove', 'b_pref'],
      ['remove', 'a_track'],
    ]);
    await waitFor(() => expect(screen.getByTestId('delete-all')).not.toBeDisabled());
    expect(screen.getByTestId('delete-all')).toHaveTextContent('Delete all of this site (3)');
    click('delete-all');
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]!.ops.map((o) => [o.kind, o.cookie.name])).toEqual([
      ['remove', 'sid'],
      ['remove', 'b_pref'],
      ['remove', 'a_track'],
    ]);
  });

  it('focuses the filter on "/" unless the user is typing', () => {
    readyPanel();
    const filter = screen.getByTestId('filter');
    const row = screen.getAllByTestId('cookie-row')[0]!;
    row.focus();
    fireEvent.keyDown(row, { key: '/' });
    expect(document.activeElement).toBe(filter);
    fireEvent.keyDown(filter, { key: '/' });
    expect(document.activeElement).toBe(filter);
  });

  it('renders the timeline newest first and says how many entries were dropped', () => {
    const store = analyzedPanelStore();
    const entries: ChangeLogEntry[] = [
      { seq: 41, time: NOW - 2000, cause: 'explicit', removed: false, cookie: record({ name: 'sid', value: 'v1' }) },
      { seq: 42, time: NOW - 1000, cause: 'overwrite', removed: true, cookie: record({ name: 'sid', value: 'v1' }) },
      { seq: 43, time: NOW, cause: 'explicit', removed: false, cookie: record({ name: 'sid', value: '<b>v2</b>' }) },
    ];
    store.timeline.setTimeline(entries, 40);
    panel(store);
    const items = screen.getAllByTestId('timeline-entry');
    expect(datasets(items, 'seq', 'cause', 'removed', 'name')).toEqual([
      ['43', 'explicit', 'false', 'sid'],
      ['42', 'overwrite', 'true', 'sid'],
      ['41', 'explicit', 'false', 'sid'],
    ]);
    expect(items[1]).toHaveTextContent('replaced');
    expect(items[0]).toHaveTextContent('<b>v2</b>');
    // The new session id, with the one it replaced, marked as a rotation.
    expect(within(items[0]!).getByTestId('timeline-old')).toHaveTextContent('v1');
    expect(items[0]!.dataset.rotated).toBe('true');
    expect(items[2]!.dataset.rotated).toBe('false');
    expect(screen.getByTestId('timeline').querySelector('b')).toBeNull();
    expect(screen.getByTestId('timeline-dropped')).toHaveTextContent('40 older entries were dropped.');
  });

  it('deletes a cookie kept under another site through the write path, where the panel can write', async () => {
    const chip = record({ name: 'sid', partitionKey: { topLevelSite: 'https://embedder.test' } });
    const store = panelStoreShowing(analysis(cookies()));
    store.site.elsewhere.value = [chip];
    const { writes } = renderWithEdit(<PanelApp onRequestPermission={() => {}} />, store);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Delete sid kept under https://embedder.test' }));
    });
    expect(writes).toEqual([{ label: 'delete of sid', ops: [{ kind: 'remove', cookie: chip }] }]);
    cleanup();
    // Where it cannot write (no edit slice), nothing offers to.
    const readOnly = panelStoreShowing(analysis(cookies()));
    readOnly.site.elsewhere.value = [chip];
    panel(readOnly);
    expect(screen.getByTestId('elsewhere-cookie')).toBeTruthy();
    expect(screen.queryByTestId('elsewhere-delete')).toBeNull();
  });

  it('deletes every cookie kept under other sites at once, the unlisted past the first 50 too', async () => {
    const chips = Array.from({ length: 60 }, (_, i) =>
      record({ name: `sid${i}`, partitionKey: { topLevelSite: `https://embedder${i % 3}.test` } }),
    );
    const store = panelStoreShowing(analysis(cookies()));
    store.site.elsewhere.value = chips;
    const { writes } = renderWithEdit(<PanelApp onRequestPermission={() => {}} />, store);
    expect(screen.getAllByTestId('elsewhere-cookie')).toHaveLength(50);
    const all = screen.getByTestId('elsewhere-delete-all');
    expect(all.textContent).toBe('Delete all 60 kept under other sites');
    // The page's own Delete all says it leaves them.
    expect(screen.getByTestId('delete-all').title).toBe(
      'Deletes the cookies this page receives. 60 cookies kept for this site under other sites are not included: ' +
        'the panel lists them apart.',
    );
    await act(async () => {
      fireEvent.click(all);
    });
    expect(writes).toEqual([
      {
        label: `delete of 60 cookies of ${store.site.host.value} kept under other sites`,
        ops: chips.map((cookie) => ({ kind: 'remove', cookie })),
      },
    ]);
    cleanup();
    // One cookie: its own Delete is all there is; the page's Delete all says so in the singular.
    const one = panelStoreShowing(analysis(cookies()));
    one.site.elsewhere.value = [chips[0]!];
    renderWithEdit(<PanelApp onRequestPermission={() => {}} />, one);
    expect(screen.queryByTestId('elsewhere-delete-all')).toBeNull();
    expect(screen.getByTestId('delete-all').title).toContain('1 cookie kept for this site under other sites is not');
    cleanup();
    const none = panelStoreShowing(analysis(cookies()));
    renderWithEdit(<PanelApp onRequestPermission={() => {}} />, none);
    expect(screen.getByTestId('delete-all').title).toBe('');
  });

  it('names the partition of a partitioned cookie’s change, as visible text, and of no other', () => {
    const store = analyzedPanelStore();
    const chip = record({ name: 'chip', partitionKey: { topLevelSite: 'https://embedder\u202e.test' } });
    store.timeline.setTimeline(
      [
        { seq: 1, time: NOW - 1000, cause: 'explicit', removed: false, cookie: record({ name: 'sid' }) },
        { seq: 2, time: NOW, cause: 'explicit', removed: false, cookie: chip },
      ],
      0,
    );
    panel(store);
    const [partitioned, plain] = screen.getAllByTestId('timeline-entry');
    expect(within(partitioned!).getByTestId('timeline-partition').textContent).toBe(
      'partitioned under https://embedderU+202E.test',
    );
    expect(within(plain!).queryByTestId('timeline-partition')).toBeNull();
  });

  it('says which changes were found by comparing the jar, and why entries were dropped', () => {
    const store = analyzedPanelStore();
    store.timeline.setTimeline(
      [
        { seq: 7, time: NOW - 1000, cause: 'unobserved', removed: false, cookie: record({ name: 'sid', value: 'v' }) },
        { seq: 8, time: NOW, cause: 'unobserved', removed: true, cookie: record({ name: 'old', value: '' }) },
      ],
      12,
      { bound: 5, bytes: 4, quota: 2, refused: 1 },
    );
    panel(store);
    const [gone, found] = screen.getAllByTestId('timeline-entry');
    expectTexts(found, 'set, unseen', 'found by comparing the cookie jar with the log');
    expect(gone).toHaveTextContent('gone, unseen');
    expect(gone?.dataset.cause).toBe('unobserved');
    expect(screen.getByTestId('timeline-dropped')).toHaveTextContent(
      "12 older entries were dropped: 5 beyond the log's entry bound, 4 to keep the log within its storage budget, " +
        '2 when browser storage was full, 1 because storage refused to write them.',
    );
  });

  it('says nothing about dropped entries when none were dropped', () => {
    const { main } = panel(panelStoreShowing(analysis([])));
    expect(main.dataset.state).toBe('no-cookies');
    expect(screen.getByTestId('timeline')).toHaveTextContent('No changes recorded');
    expect(screen.queryByTestId('timeline-dropped')).toBeNull();
    expect(screen.getByTestId('state-message').textContent).toMatch(/appear here as soon as they are set/);
  });

  it('keeps the block rules, and what a new rule removed, in reach when that removal leaves the site no cookie', async () => {
    const store = analyzedPanelStore();
    renderWithEdit(<PanelApp onRequestPermission={() => {}} />, store, { count: 3, cookies: [] });
    expect((screen.getByTestId('block-rules') as HTMLDetailsElement).open).toBe(false);
    fireEvent.input(screen.getByTestId('block-name'), { target: { value: '*' } });
    fireEvent.input(screen.getByTestId('block-domain'), { target: { value: '*example.com' } });
    await act(async () => {
      click('block-add');
    });
    await waitFor(() => screen.getByTestId('block-swept'));
    // The background removed every cookie of the site: the panel reads it again and has none to show.
    await act(async () => {
      store.site.showAnalysis(analysis([]), NOW);
    });
    expect(screen.getByTestId('panel').dataset.state).toBe('no-cookies');
    expect(screen.getAllByTestId('block-rule')).toHaveLength(1);
    // Drawn anew in that state, the section opens on what the rule did.
    expect((screen.getByTestId('block-rules') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByTestId('block-swept').textContent).toMatch(/^Rule added: it deleted 3 cookies already/);
  });

  it("lists the site's cookies kept under other sites apart, as visible text, in both states, the first 50 by site", () => {
    const chip = (name: string, topLevelSite: string, value = 'v') =>
      record({ name, value, partitionKey: { topLevelSite }, sameSite: 'no_restriction' });
    const store = panelStoreShowing(analysis(cookies()));
    store.site.elsewhere.value = [
      chip('z\u202eid', 'https://b.example'),
      chip('sid', 'https://a.example', 'abc\u200bdef'),
    ];
    panel(store);
    const section = screen.getByTestId('elsewhere');
    expect(section.dataset.count).toBe('2');
    expect((section as HTMLDetailsElement).open).toBe(false);
    expect(section.querySelector('summary')?.textContent).toBe('Kept for this site under other sites (2)');
    expect(
      within(section).getByText(/^2 cookies of this site are partitioned under another top-level site/),
    ).toBeTruthy();
    const items = screen.getAllByTestId('elsewhere-cookie');
    expect(datasets(items, 'name', 'partition')).toEqual([
      ['sid', 'https://a.example'],
      ['z\u202eid', 'https://b.example'],
    ]);
    // What the page set is shown as text with its hidden characters made visible.
    expect(items[1]!.querySelector('.name')?.textContent).toBe('zU+202Eid');
    expect(within(items[0]!).getByTestId('elsewhere-value').textContent).toBe('abcU+200Bdef');
    expect(within(items[0]!).getByRole('button', { name: /value of sid/ })).toBeTruthy();
    cleanup();

    // A site visited directly that keeps cookies only as an embed elsewhere.
    const none = panelStoreShowing(analysis([]));
    none.site.elsewhere.value = Array.from({ length: 53 }, (_, i) =>
      chip(`c${String(i).padStart(2, '0')}`, 'https://e.test'),
    );
    panel(none);
    expect(screen.getByTestId('panel').dataset.state).toBe('no-cookies');
    // All the panel has of the site: open from the start (folded beside a table).
    expect((screen.getByTestId('elsewhere') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getAllByTestId('elsewhere-cookie')).toHaveLength(50);
    expect(screen.getAllByTestId('elsewhere-cookie')[0]!.dataset.name).toBe('c00');
    expect(screen.getByTestId('elsewhere')).toHaveTextContent('and 3 more.');
    cleanup();

    panel(panelStoreShowing(analysis(cookies())));
    expect(screen.queryByTestId('elsewhere')).toBeNull();
  });

  it('explains a non-http page with what to do in the panel', () => {
    const { main } = panel(panelStoreShowing({ reason: 'not-http' }));
    expect(main.dataset.state).toBe('not-http');
    expect(screen.getByTestId('state-message').textContent).toMatch(/Navigate the inspected tab/);
    expect(screen.queryByTestId('timeline')).toBeNull();
  });
});

describe('PanelApp timeline controls', () => {
  it('pause, resume with the count of new changes, filter and clear act on the list', () => {
    const store = analyzedPanelStore();
    const at = (seq: number, name: string): ChangeLogEntry => ({
      seq,
      time: NOW + seq,
      cause: 'explicit',
      removed: false,
      cookie: record({ name, value: `v${seq}` }),
    });
    store.timeline.setTimeline([at(1, 'sid'), at(2, 'theme')], 0);
    panel(store);
    const names = () => screen.queryAllByTestId('timeline-entry').map((e) => e.dataset.name);
    fireEvent.click(screen.getByTestId('timeline-pause'));
    act(() => store.timeline.appendTimeline([at(3, 'sid')]));
    expect(names()).toEqual(['theme', 'sid']);
    expect(screen.getByTestId('timeline-pause')).toHaveTextContent('Resume (1 new)');
    fireEvent.click(screen.getByTestId('timeline-pause'));
    expect(names()).toEqual(['sid', 'theme', 'sid']);
    fireEvent.input(screen.getByTestId('timeline-filter'), { target: { value: 'them' } });
    expect(names()).toEqual(['theme']);
    fireEvent.click(screen.getByTestId('timeline-clear'));
    expect(names()).toEqual([]);
    expect(screen.getByTestId('timeline')).toHaveTextContent('No change matches');
  });
});

describe('PanelApp timeline: a login that keeps the session id (WSTG-SESS-03)', () => {
  const at = (seq: number, name: string, value: string): ChangeLogEntry => ({
    seq,
    time: NOW + seq * 5_000,
    cause: 'explicit',
    removed: false,
    cookie: record({ name, value }),
  });

  it('shows session-not-rotated with the entry that set the id and the login as evidence, and jumps to them', () => {
    const store = analyzedPanelStore();
    store.timeline.setTimeline(
      [at(1, 'sid', 'anon'), at(2, 'theme', 'dark'), at(3, 'auth', makeJwt({ sub: 'alice' }))],
      0,
    );
    panel(store);
    const item = screen.getByTestId('timeline-finding');
    expect(item.dataset.rule).toBe('session-not-rotated');
    expect(within(item).getByTestId('finding')).toHaveTextContent(/sid kept the value/);
    const set = within(item).getByTestId('timeline-evidence-set');
    const login = within(item).getByTestId('timeline-evidence-login');
    expect([set.dataset.seq, login.dataset.seq]).toEqual(['1', '3']);
    fireEvent.click(login);
    expect(document.activeElement).toBe(screen.getAllByTestId('timeline-entry').find((e) => e.dataset.seq === '3'));
  });

  it('says nothing once the id gets a new value after the login', () => {
    const store = analyzedPanelStore();
    store.timeline.setTimeline(
      [at(1, 'sid', 'anon'), at(2, 'auth', makeJwt({ sub: 'alice' })), at(3, 'sid', 'fresh')],
      0,
    );
    panel(store);
    expect(screen.queryByTestId('timeline-finding')).toBeNull();
    // The renewal is marked on the entry itself.
    expect(screen.getAllByTestId('timeline-rotated')).toHaveLength(1);
  });
});
