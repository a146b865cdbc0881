// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { cookieRows } from '../../src/core/cookie-views';
import { PopupApp } from '../../src/popup/PopupApp';
import { createPopupStore } from '../../src/state/create-store';
import type { ViewState } from '../../src/state/site-slice';
import type { CookiesProblem } from '../../src/protocol/messages';
import { NOW, analysis, record, sessionThenCritical, sid, view } from '../ui/fixtures';
import { renderWithStore, analyzedPopupStore, datasets, popupStoreShowing } from '../ui/render';
import { renderWithEdit } from '../ui/recording-edit';
import { makeJwt } from '../fakes/make-jwt';

afterEach(cleanup);

function popup(store = createPopupStore({ now: NOW }), onRequestPermission = () => {}) {
  renderWithStore(<PopupApp onRequestPermission={onRequestPermission} />, store);
  return { store, main: screen.getByTestId('popup') };
}

/** Two session cookies and two others, listed out of the order the popup shows them in. */
function twoGroups() {
  return [
    record({ name: 'aaa_theme' }),
    record({ name: 'PHPSESSID', value: 'abc' }),
    record({ name: 'zz_lang' }),
    record({ name: 'sid', value: 'def' }),
  ];
}

describe('PopupApp', () => {
  it('shows the loading state first', () => {
    const { main } = popup();
    expect(main.dataset.state).toBe('loading');
    expect(screen.getByTestId('state-message')).toHaveTextContent('Reading the cookies');
  });

  it('lists session cookies before the rest, as analyzeSite orders them', async () => {
    const store = await analyzedPopupStore(twoGroups());
    const { main } = popup(store);
    expect(main.dataset.state).toBe('ready');
    expect(screen.getByTestId('site-host')).toHaveTextContent('app.example.com');
    expect(datasets(screen.getAllByTestId('cookie-row'), 'name', 'session')).toEqual([
      ['PHPSESSID', 'true'],
      ['sid', 'true'],
      ['aaa_theme', 'false'],
      ['zz_lang', 'false'],
    ]);
  });

  it('paints the rows before their analysis, then fills in grade, findings and counts in the same places', async () => {
    const store = createPopupStore({ now: NOW });
    const cookies = [
      record({ name: 'aaa_theme', sameSite: 'unspecified' }),
      record({ name: 'PHPSESSID', value: 'abc' }),
      record({ name: 'zz_lang', httpOnly: true }),
    ];
    const { views } = await cookieRows(cookies, NOW);
    store.site.showRows('https://app.example.com/', views, NOW);
    const { main } = popup(store);
    const rowsOf = () => datasets(screen.getAllByTestId('cookie-row'), 'name', 'session', 'httponly');
    expect(main.dataset.state).toBe('ready');
    expect(main.dataset.analysis).toBe('pending');
    expect(main).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByTestId('grade-pending')).toBeInTheDocument();
    expect(screen.queryByTestId('grade')).toBeNull();
    expect(within(screen.getByTestId('top-findings')).getByTestId('findings-pending')).toHaveTextContent('Checking');
    const early = rowsOf();
    expect(early).toEqual([
      ['PHPSESSID', 'true', 'false'],
      ['aaa_theme', 'false', 'false'],
      ['zz_lang', 'false', 'true'],
    ]);
    // The session card is there from the first paint too: it needs no audit.
    expect(screen.getAllByTestId('session-mechanism')).toHaveLength(1);

    store.site.showAnalysis(await analyzeSite('https://app.example.com/', cookies, NOW), NOW);
    await waitFor(() => expect(main.dataset.analysis).toBe('done'));
    expect(main).toHaveAttribute('aria-busy', 'false');
    expect(rowsOf()).toEqual(early);
    expect(screen.getByTestId('grade')).toBeInTheDocument();
    expect(screen.queryByTestId('grade-pending')).toBeNull();
    expect(screen.queryByTestId('findings-pending')).toBeNull();
    expect(Number(screen.getAllByTestId('cookie-row')[0]!.dataset.findings)).toBeGreaterThan(0);
  });

  it('renders the rows past the first screenful light in the first frame, whole after it, at their height', async () => {
    const store = createPopupStore({ now: NOW });
    // More rows than any first screen holds (600px or the window's height, 72px a row at least).
    const count = Math.ceil(Math.max(window.innerHeight, 600) / 72) + 5;
    const cookies = Array.from({ length: count }, (_, i) => record({ name: `pref_${String(i).padStart(3, '0')}` }));
    store.site.showRows('https://app.example.com/', (await cookieRows(cookies, NOW)).views, NOW);
    popup(store);
    const rows = () => screen.getAllByTestId('cookie-row');
    const whole = () => rows().map((r) => within(r).queryByTestId('cookie-flags') !== null);
    // Every row is there with its contract attributes and its toggle; the last ones without their other lines yet.
    expect(rows()).toHaveLength(count);
    expect(rows().every((r) => r.dataset.name?.startsWith('pref_') && within(r).queryByTestId('cookie-toggle'))).toBe(
      true,
    );
    expect(whole().slice(0, 5)).toEqual([true, true, true, true, true]);
    expect(whole().slice(-5)).toEqual([false, false, false, false, false]);
    // A light row keeps the whole row's lines (18px each in popup.css), so its height does not change.
    const lines = (r: HTMLElement) => r.querySelectorAll(':scope > .line').length;
    expect(new Set(rows().map(lines))).toEqual(new Set([4]));
    await waitFor(() => expect(whole().every(Boolean)).toBe(true));
    expect(new Set(rows().map(lines))).toEqual(new Set([4]));
  });

  it('shows every row whole once the analysis is in, even before the first frame has painted', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0);
    try {
      const store = createPopupStore({ now: NOW });
      const cookies = Array.from({ length: 30 }, (_, i) => record({ name: `pref_${String(i).padStart(3, '0')}` }));
      store.site.showRows('https://app.example.com/', (await cookieRows(cookies, NOW)).views, NOW);
      const { main } = popup(store);
      expect(screen.getAllByTestId('cookie-row').some((r) => within(r).queryByTestId('cookie-flags') === null)).toBe(
        true,
      );
      act(() => store.site.showAnalysis(analysis(cookies.map((c) => view(c))), NOW));
      expect(main.dataset.analysis).toBe('done');
      for (const r of screen.getAllByTestId('cookie-row')) expect(within(r).getByTestId('cookie-flags')).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('checks cookies across both groups (shift-click follows the order shown) and deletes the checked ones', async () => {
    const store = await analyzedPopupStore(twoGroups());
    const { writes } = renderWithEdit(<PopupApp onRequestPermission={() => {}} />, store);
    const checks = () => screen.getAllByTestId('cookie-check') as HTMLInputElement[];
    // Shown: PHPSESSID, sid | aaa_theme, zz_lang. From sid to aaa_theme crosses the groups.
    fireEvent.click(checks()[1]!);
    fireEvent.click(checks()[2]!, { shiftKey: true });
    await waitFor(() => expect(checks().map((c) => c.checked)).toEqual([false, true, true, false]));
    // Checking is not expanding.
    expect(screen.queryByTestId('cookie-detail')).toBeNull();
    fireEvent.click(screen.getByTestId('delete-selected'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.ops.map((o) => [o.kind, o.cookie.name]).sort()).toEqual([
      ['remove', 'aaa_theme'],
      ['remove', 'sid'],
    ]);
  });

  it('has no checkboxes where the page cannot change cookies', async () => {
    const store = await analyzedPopupStore([record({ name: 'a' })]);
    popup(store);
    expect(screen.getAllByTestId('cookie-row')).toHaveLength(1);
    expect(screen.queryByTestId('cookie-check')).toBeNull();
  });

  it('puts the grade and the worst findings before any cookie', () => {
    popup(popupStoreShowing(analysis(sessionThenCritical(), { grade: 'D', score: 38 })));
    const grade = screen.getByTestId('grade');
    expect(grade.dataset.grade).toBe('D');
    expect(grade.dataset.score).toBe('38');
    const top = screen.getByTestId('top-findings');
    expect(
      within(top)
        .getAllByTestId('finding')
        .map((f) => f.dataset.rule),
    ).toEqual(['crit', 'med']);
    expect(within(top).getAllByTestId('finding')[0]).toHaveTextContent('x');
    // Each on one line that opens on the rest: the line names severity, cookie and rule, with the explanation as its
    // tooltip; the fix is inside, folded.
    const first = within(top).getAllByTestId('finding')[0]!;
    const line = first.querySelector('summary')!;
    expect(line.textContent).toMatch(/^critical.*crit$/);
    expect(line.title).not.toBe('');
    expect(first.querySelector('details')!.open).toBe(false);
    expect(first.querySelector('details .fix')).not.toBeNull();
    const firstRow = screen.getAllByTestId('cookie-row')[0]!;
    expect(top.compareDocumentPosition(firstRow) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByTestId('cookie-row').map((r) => r.dataset.findings)).toEqual(['1', '1']);
  });

  it('says "no findings" when the audit found nothing', () => {
    popup(popupStoreShowing(analysis([view(record())])));
    expect(within(screen.getByTestId('top-findings')).getByTestId('no-findings')).toBeInTheDocument();
  });

  it('expands a cookie from its toggle', () => {
    popup(popupStoreShowing(analysis([view(record({ name: 'a' })), view(record({ name: 'b' }))])));
    const [first] = screen.getAllByTestId('cookie-toggle');
    fireEvent.click(first!);
    const rows = screen.getAllByTestId('cookie-row');
    expect(within(rows[0]!).getByTestId('cookie-detail')).toBeInTheDocument();
    expect(within(rows[1]!).queryByTestId('cookie-detail')).toBeNull();
    fireEvent.click(first!);
    expect(screen.queryByTestId('cookie-detail')).toBeNull();
  });

  it('moves focus between rows with the arrow keys, across both groups', () => {
    popup(
      popupStoreShowing(
        analysis([
          view(record({ name: 's' }), { sessionReason: sid }),
          view(record({ name: 'o1' })),
          view(record({ name: 'o2' })),
        ]),
      ),
    );
    const toggles = screen.getAllByTestId('cookie-toggle');
    toggles[0]!.focus();
    // Each key pressed on the focused toggle, and the toggle focused after it (the last stays at the end).
    const steps: Array<[key: string, focused: number]> = [
      ['ArrowDown', 1],
      ['ArrowDown', 2],
      ['ArrowDown', 2],
      ['Home', 0],
      ['End', 2],
      ['ArrowUp', 1],
    ];
    for (const [key, focused] of steps) {
      fireEvent.keyDown(document.activeElement!, { key });
      expect(document.activeElement, `after ${key}`).toBe(toggles[focused]);
    }
  });

  it('makes each list one Tab stop: the toggle last focused; checkboxes and copy buttons are reached by arrows', () => {
    const store = popupStoreShowing(
      analysis([
        view(record({ name: 's' }), { sessionReason: sid }),
        view(record({ name: 'o1' })),
        view(record({ name: 'o2' })),
      ]),
    );
    renderWithEdit(<PopupApp onRequestPermission={() => {}} />, store);
    const lists = screen.getAllByRole('list').filter((l) => l.classList.contains('cookie-list'));
    expect(lists).toHaveLength(2);
    const stops = () =>
      lists.map((l) =>
        Array.from(l.querySelectorAll<HTMLElement>('[data-testid="cookie-toggle"]'))
          .filter((t) => t.getAttribute('tabindex') === '0')
          .map((t) => t.textContent),
      );
    // At first, each list's first toggle; no checkbox or copy button of a row is in the Tab order.
    expect(stops()).toEqual([['s'], ['o1']]);
    const rowControls = screen.getAllByTestId('cookie-check').concat(screen.getAllByTestId('copy-value'));
    expect(rowControls.length).toBe(6);
    expect(rowControls.map((c) => c.getAttribute('tabindex'))).toEqual(Array(6).fill('-1'));

    const toggles = screen.getAllByTestId('cookie-toggle');
    const [, o1Check, o2Check] = screen.getAllByTestId('cookie-check');
    const [, , o2Copy] = screen.getAllByTestId('copy-value');
    // Down to o2: it becomes its list's Tab stop, o1 no longer is.
    toggles[1]!.focus();
    fireEvent.keyDown(toggles[1]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(toggles[2]);
    expect(stops()).toEqual([['s'], ['o2']]);
    // Left to its checkbox, Right back to the toggle, Right to its copy button, Left back.
    const steps: Array<[key: string, focused: HTMLElement]> = [
      ['ArrowLeft', o2Check!],
      ['ArrowLeft', o2Check!],
      ['ArrowRight', toggles[2]!],
      ['ArrowRight', o2Copy!],
      ['ArrowRight', o2Copy!],
      ['ArrowLeft', toggles[2]!],
    ];
    for (const [key, focused] of steps) {
      fireEvent.keyDown(document.activeElement!, { key });
      expect(document.activeElement, `after ${key}`).toBe(focused);
    }
    // Up from a checkbox goes to the row above's toggle, which becomes the Tab stop.
    o2Check!.focus();
    fireEvent.keyDown(o2Check!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(toggles[1]);
    expect(stops()).toEqual([['s'], ['o1']]);
    expect(o1Check!.getAttribute('tabindex')).toBe('-1');
  });

  it('gives the Tab stop back to the first row when the current row goes away', async () => {
    const store = popupStoreShowing(
      analysis([view(record({ name: 'o1' })), view(record({ name: 'o2' })), view(record({ name: 'o3' }))]),
    );
    popup(store);
    const toggles = screen.getAllByTestId('cookie-toggle');
    toggles[2]!.focus();
    const stop = () =>
      screen
        .getAllByTestId('cookie-toggle')
        .filter((t) => t.getAttribute('tabindex') === '0')
        .map((t) => t.textContent);
    expect(stop()).toEqual(['o3']);
    act(() => store.site.showAnalysis(analysis([view(record({ name: 'o1' })), view(record({ name: 'o2' }))]), NOW));
    expect(stop()).toEqual(['o1']);
  });

  const states: Array<[Exclude<ViewState, 'ready' | 'loading'>, CookiesProblem | null, RegExp]> = [
    ['not-http', { reason: 'not-http', url: 'about:blank' }, /not a web page.*Open a web page/],
    ['no-cookies', null, /has set no cookies.*Use app\.example\.com/],
    ['no-tab', { reason: 'no-tab', tabId: 7 }, /No tab with id 7\..*Open SessionScope from the tab/],
    ['no-tab', { reason: 'no-tab' }, /no active tab in this window.*Open SessionScope from the tab/],
    ['error', { reason: 'error', url: 'https://app.example.com/', error: 'boom' }, /failed: boom.*Reload the page/],
  ];
  it.each(states)('explains the %s state and what to do', (state, problem, expected) => {
    const store = createPopupStore({ now: NOW });
    store.site.url.value = 'https://app.example.com/';
    if (problem === null) store.site.showAnalysis(analysis([]), NOW);
    else store.site.showProblem(problem);
    const { main } = popup(store);
    expect(main.dataset.state).toBe(state);
    expect(screen.getByTestId('state-message').textContent).toMatch(expected);
    expect(screen.queryByTestId('cookie-row')).toBeNull();
    expect(screen.queryByTestId('grant-permission')).toBeNull();
  });

  it("says how many of the site's cookies are kept under other sites, under the rows or under the no-cookies message", async () => {
    const chip = (name: string) => record({ name, partitionKey: { topLevelSite: 'https://embedder.test' } });
    const store = await analyzedPopupStore(twoGroups());
    store.site.elsewhere.value = [chip('a'), chip('b')];
    popup(store);
    const note = screen.getByTestId('elsewhere-note');
    expect(note.dataset.count).toBe('2');
    expect(note.textContent).toBe(
      'This site keeps 2 cookies under other sites, set while it was embedded there: this page does not receive them. ' +
        'The DevTools panel lists them.',
    );
    // Below every row, so that its coming never moves one.
    const rows = screen.getAllByTestId('cookie-row');
    expect(rows.at(-1)!.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    cleanup();

    const empty = createPopupStore({ now: NOW });
    empty.site.url.value = 'https://app.example.com/';
    empty.site.showAnalysis(analysis([]), NOW);
    empty.site.elsewhere.value = [chip('a')];
    popup(empty);
    expect(screen.getByTestId('popup').dataset.state).toBe('no-cookies');
    expect(screen.getByTestId('elsewhere-note').textContent).toMatch(
      /^This site keeps 1 cookie under other sites.*lists it\.$/,
    );
    cleanup();

    popup(await analyzedPopupStore(twoGroups()));
    expect(screen.queryByTestId('elsewhere-note')).toBeNull();
  });

  it('offers to request the host permission and shows a refusal', async () => {
    const store = popupStoreShowing({ reason: 'no-permission', url: 'https://app.example.com/x' });
    const ask = vi.fn();
    popup(store, ask);
    expect(screen.getByTestId('state-message')).toHaveTextContent(
      'SessionScope has not been allowed to read the cookies of app.example.com. Click "Allow access"',
    );
    expect(screen.getByTestId('grant-permission')).toHaveTextContent('Allow access to app.example.com');
    fireEvent.click(screen.getByTestId('grant-permission'));
    expect(ask).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('notice')).toBeNull();
    store.site.notice.value = { kind: 'denied' };
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('Access was not granted'));
    store.site.notice.value = { kind: 'failed', error: 'no user gesture' };
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('refused the request: no user gesture'));
  });

  it('calls a tab whose URL is hidden "not allowed", never "not a web page", and offers access to all sites', () => {
    const { main } = popup(popupStoreShowing({ reason: 'no-permission' }));
    expect(main.dataset.state).toBe('no-permission');
    const text = screen.getByTestId('state-message').textContent ?? '';
    expect(text).toContain('SessionScope has not been allowed to read this tab');
    expect(text).not.toMatch(/not a web page/);
    expect(screen.getByTestId('grant-permission')).toHaveTextContent('Allow access to all sites');
  });
});

describe('PopupApp: tokens in the page’s web storage', () => {
  /** The popup of a site with one cookie, shown. */
  const shownPopup = async () => {
    const store = await analyzedPopupStore([record({ name: 'sid' })]);
    popup(store);
    return store;
  };

  it('shows no section while the storage holds no token, and lists the tokens once it does', async () => {
    const store = await shownPopup();
    act(() =>
      store.page.showStorageAnswer({
        ok: true,
        value: { origin: 'https://app.example.com', local: [['theme', 'dark']], session: [] },
      }),
    );
    expect(screen.queryByTestId('storage-tokens')).toBeNull();
    expect(screen.queryByTestId('storage-problem')).toBeNull();
    const jwt = makeJwt({ sub: 'alice' });
    act(() =>
      store.page.showStorageAnswer({
        ok: true,
        value: { origin: 'https://app.example.com', local: [['access_token', jwt]], session: [] },
      }),
    );
    const section = screen.getByTestId('storage-tokens');
    expect(section).toHaveTextContent('Tokens in web storage (1)');
    expect(within(section).getByTestId('page-token').dataset.name).toBe('access_token');
  });

  it('says why the storage could not be read, as text', async () => {
    const store = await shownPopup();
    act(() =>
      store.page.showStorageAnswer({ ok: false, reason: 'unavailable', detail: '<b>Cannot access</b> this page' }),
    );
    const problem = screen.getByTestId('storage-problem');
    expect(problem).toHaveTextContent('<b>Cannot access</b> this page');
    expect(problem.querySelector('b')).toBeNull();
    expect(screen.queryByTestId('storage-tokens')).toBeNull();
  });
});
