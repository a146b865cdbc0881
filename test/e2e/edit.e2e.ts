import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser, Cookies } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import type { BrowserSession } from './harness/browser-session';
import type { ChromiumSession } from './harness/chromium';
import { readChangeLog, sendFrom } from './harness/extension-messages';
import { inContainerTab } from './harness/firefox';
import { readJar, type JarCookie } from './harness/transfer';
import { withChromium, withFirefox, type Suite } from './harness/setup';
import { row, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite, type RunningSite } from './site/test-site';
import { COOKIE_SIGNAL_GRACE_MS } from '../../src/core/session/login-rotation';
import { makeJwt } from '../fakes/make-jwt';

declare const browser: WebExtBrowser;

const HOST = '127.0.0.1';

/** The real jar for the site's host: every store, every partition, every attribute as the API reports it. */
async function jar(session: BrowserSession): Promise<JarCookie[]> {
  return (await readJar(session.control)).filter((c) => c.domain.replace(/^\./, '') === HOST);
}

/** The jar with expiries in whole seconds: a restore writes the second the browser reported. */
const exact = (list: JarCookie[]) =>
  list.map((c) => ({ ...c, expirationDate: c.expirationDate === null ? null : Math.round(c.expirationDate) }));

const rowAt = (name: string, path: string) => `${row(name)}[data-path=${JSON.stringify(path)}]`;

async function openDetail(panel: Page, name: string, path = '/'): Promise<void> {
  await panel.waitForSelector(rowAt(name, path));
  await panel.click(rowAt(name, path));
  await panel.waitForSelector('[data-testid="detail"] [data-testid="cookie-edit"]');
}

/** What has the focus: its `data-testid` and the key of the cookie row it is in (or is). */
function focusedRow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const key = e.closest('[data-testid="cookie-row"]')?.getAttribute('data-key') ?? '';
    return `${e.getAttribute('data-testid') ?? e.tagName.toLowerCase()}:${key}`;
  });
}

async function lastOutcome(panel: Page): Promise<string[]> {
  await panel.waitForSelector('[data-testid="edit-result"]');
  return panel.$$eval('[data-testid="edit-result-row"]', (els) => els.map((e) => e.getAttribute('data-outcome') ?? ''));
}

/** Undo in the panel puts the jar back exactly as it was `before` the edit. */
async function undoRestores(panel: Page, session: BrowserSession, before: JarCookie[]): Promise<void> {
  await panel.click('[data-testid="undo"]');
  await panel.waitForSelector('[data-testid="edit-result"][data-kind="undo"]');
  expect(exact(await jar(session))).toEqual(before);
}

/** The finding texts of the panel's timeline (a session id kept across a login). */
function timelineFindings(panel: Page): Promise<Array<string | null>> {
  return panel.$$eval('[data-testid="timeline-finding"] [data-testid="finding"]', (els) =>
    els.map((e) => e.textContent),
  );
}

/** Opens the panel on the test site's home page (a session id and a JWT set in one response), later than a login's
 * grace after that response: were a write then taken for a login, the site's session ids would be reported. */
async function panelAfterGrace(suite: Suite<BrowserSession, RunningSite>): Promise<Page> {
  // A fresh start: the site's cookies and the log of what earlier tests did to them are gone. (Not deleteAllCookies:
  // it waits for an empty jar, and the cookie an earlier test protects is put back.)
  await suite.session.control.evaluate(async (host: string) => {
    for (const c of await browser.cookies.getAll({ domain: host })) {
      await browser.cookies.remove({ url: `http://${host}${c.path}`, name: c.name, storeId: c.storeId });
    }
  }, HOST);
  await sendFrom(suite.session.control, 'clearChangeLog', {});
  await suite.page.goto(suite.site.url('/'));
  const setAt = Date.now();
  const panel = await suite.openReadyView('panel');
  const early = setAt + COOKIE_SIGNAL_GRACE_MS + 1_000 - Date.now();
  if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
  return panel;
}

async function waitJar(session: BrowserSession, ok: (list: JarCookie[]) => boolean, what: string) {
  let last: JarCookie[] = [];
  await waitUntil(what, async () => {
    last = await jar(session);
    return ok(last);
  });
  return last;
}

function editSuite(name: string, suite: Suite<BrowserSession, RunningSite>, partitioned: boolean) {
  describe(name, () => {
    it('edits a cookie through the panel; the same name on another path stays as it was', async () => {
      await suite.page.goto(suite.site.url('/two-paths/page'));
      const panel = await suite.openReadyView('panel');
      await openDetail(panel, 'dup', '/two-paths');
      await panel.click('[data-testid="cookie-edit"]');
      await panel.waitForSelector('[data-testid="edit-value"]');
      await panel.$eval('[data-testid="edit-value"]', (el) => (el as HTMLTextAreaElement).select());
      await panel.keyboard.press('Backspace');
      await panel.type('[data-testid="edit-value"]', 'edited-deep');
      await panel.click('[data-testid="edit-httponly"]');
      await panel.click('[data-testid="edit-save"]');
      expect(await lastOutcome(panel)).toEqual(['written']);
      const dups = (await jar(suite.session)).filter((c) => c.name === 'dup');
      expect(dups.map((c) => [c.path, c.value, c.httpOnly]).sort()).toEqual([
        ['/', 'root', false],
        ['/two-paths', 'edited-deep', true],
      ]);
      // Deleting the root one leaves the deep one.
      await openDetail(panel, 'dup', '/');
      await panel.click('[data-testid="detail"] [data-testid="cookie-delete"]');
      await waitJar(suite.session, (l) => !l.some((c) => c.name === 'dup' && c.path === '/'), 'dup on / deleted');
      const left = (await jar(suite.session)).filter((c) => c.name === 'dup');
      expect(left.map((c) => [c.path, c.value])).toEqual([['/two-paths', 'edited-deep']]);
    });

    it('shows what the browser would refuse before saving', async () => {
      await suite.page.goto(suite.site.url('/two-paths/page'));
      const panel = await suite.openReadyView('panel');
      await panel.click('[data-testid="cookie-add"]');
      // The editor loads on first use.
      await panel.waitForSelector('[data-testid="edit-name"]');
      await panel.type('[data-testid="edit-name"]', '__Host-x');
      await panel.click('[data-testid="edit-host-only"]');
      const codes = await panel.$$eval('[data-testid="edit-problems"] li', (els) =>
        els.map((e) => e.getAttribute('data-code')),
      );
      expect(codes).toContain('host-prefix');
    });

    it('deletes every cookie of the site, then undo restores exactly', async () => {
      await suite.page.goto(suite.site.url('/two-paths/page'));
      if (partitioned) {
        await suite.session.control.evaluate(
          (host: string) =>
            browser.cookies.set({
              url: `http://${host}/`,
              name: 'chip',
              value: 'p1',
              secure: true,
              sameSite: 'no_restriction',
              expirationDate: Math.floor(Date.now() / 1000) + 7200,
              partitionKey: { topLevelSite: `http://${host}` },
            } as Cookies.SetDetailsType),
          HOST,
        );
      }
      const before = exact(await jar(suite.session));
      if (partitioned) expect(before.some((c) => c.partitionKey !== null)).toBe(true);
      const panel = await suite.openReadyView('panel');
      await panel.click('[data-testid="delete-all"]');
      const outcomes = await lastOutcome(panel);
      expect(outcomes.length).toBe(before.length);
      expect(new Set(outcomes)).toEqual(new Set(['written']));
      expect(await jar(suite.session)).toEqual([]);
      // A popup opened now offers that undo: it reads the stack from storage (src/platform/edit-state.ts).
      const popup = await suite.openView('popup');
      expect(await waitForViewState(popup, 'popup')).toBe('no-cookies');
      const offered = await popup.waitForSelector('[data-testid="undo"]');
      expect(await offered!.evaluate((e) => e.getAttribute('aria-label'))).toMatch(/^Undo delete of /);
      await popup.close();
      await undoRestores(panel, suite.session, before);
    });

    it('a cookie deleted from the keyboard (Delete, in the panel’s table) hands the focus to the row in its place, and Undo keeps it', async () => {
      await suite.page.goto(suite.site.url('/two-paths/page'));
      const before = exact(await jar(suite.session));
      const popup = await suite.openReadyView('popup');
      await popup.waitForSelector('[data-analysis="done"]');
      // A row with another after it in its list: that one takes its place.
      const [gone, next] = await popup.$$eval('[data-testid="cookie-row"]', (rows) => {
        const at = rows.findIndex((r) => r.nextElementSibling?.matches('[data-testid="cookie-row"]'));
        return [rows[at]?.getAttribute('data-key'), rows[at + 1]?.getAttribute('data-key')];
      });
      expect(gone && next).toBeTruthy();
      const popupRow = `[data-testid="cookie-row"][data-key=${JSON.stringify(gone)}]`;
      await popup.focus(`${popupRow} [data-testid="cookie-toggle"]`);
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(`${popupRow} [data-testid="cookie-delete"]`);
      // The editor opened and closed again (Escape): the row's Edit has the focus back.
      await popup.focus(`${popupRow} [data-testid="cookie-edit"]`);
      await popup.keyboard.press('Enter');
      await popup.waitForSelector('[data-testid="edit-value"]');
      await popup.focus('[data-testid="edit-value"]');
      await popup.keyboard.press('Escape');
      await popup.waitForSelector('[data-testid="edit-value"]', { hidden: true });
      await waitUntil('the focus on the row’s Edit', async () => (await focusedRow(popup)) === `cookie-edit:${gone}`);
      await popup.focus(`${popupRow} [data-testid="cookie-delete"]`);
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(popupRow, { hidden: true });
      await waitUntil(
        'the focus on the next row’s toggle',
        async () => (await focusedRow(popup)) === `cookie-toggle:${next}`,
      );
      // That row deleted too, then both undone from the keyboard: the browser drops the focus from Undo while it is
      // disabled (the undo under way), and gets it back once Undo is enabled again, for the next press.
      const nextRow = `[data-testid="cookie-row"][data-key=${JSON.stringify(next)}]`;
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(`${nextRow} [data-testid="cookie-delete"]`);
      await popup.focus(`${nextRow} [data-testid="cookie-delete"]`);
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(nextRow, { hidden: true });
      await popup.focus('[data-testid="undo"]');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(nextRow);
      await waitUntil('the focus back on Undo', async () => (await focusedRow(popup)) === 'undo:');
      await popup.keyboard.press('Enter');
      await popup.waitForSelector(popupRow);
      await waitJar(suite.session, (l) => l.length === before.length, 'both cookies back');
      expect(exact(await jar(suite.session))).toEqual(before);
      await popup.close();

      const panel = await suite.openReadyView('panel');
      const order = await panel.$$eval('[data-testid="cookie-row"]', (rows) =>
        rows
          .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
          .map((r) => r.getAttribute('data-key') ?? undefined),
      );
      const tableRow = (key: string | undefined) => `[data-testid="cookie-row"][data-key=${JSON.stringify(key)}]`;
      await panel.click(tableRow(order[0]));
      await panel.waitForSelector('[data-testid="detail"] [data-testid="cookie-delete"]');
      // The editor closed (Escape) hands the focus back to the detail's Edit, not to the table.
      await panel.focus('[data-testid="detail"] [data-testid="cookie-edit"]');
      await panel.keyboard.press('Enter');
      await panel.waitForSelector('[data-testid="edit-value"]');
      await panel.focus('[data-testid="edit-value"]');
      await panel.keyboard.press('Escape');
      await panel.waitForSelector('[data-testid="edit-value"]', { hidden: true });
      await waitUntil('the focus on the detail’s Edit', async () => (await focusedRow(panel)) === 'cookie-edit:');
      await panel.focus('[data-testid="detail"] [data-testid="cookie-delete"]');
      await panel.keyboard.press('Enter');
      await panel.waitForSelector(tableRow(order[0]), { hidden: true });
      await waitUntil(
        'the focus on the table’s row in its place',
        async () => (await focusedRow(panel)) === `cookie-row:${order[1]}`,
      );
      // The keys go on from there: Down selects the row after it.
      await panel.keyboard.press('ArrowDown');
      await panel.waitForSelector(`${tableRow(order[2])}[aria-selected="true"]`);
      // Delete, on the table's row, deletes that cookie; the row in its place is selected and has the focus.
      const inPlace = order[3] ?? order[1];
      await panel.keyboard.press('Delete');
      await panel.waitForSelector(tableRow(order[2]), { hidden: true });
      await panel.waitForSelector(`${tableRow(inPlace)}[aria-selected="true"]`);
      await waitUntil(
        'the focus on the row in its place',
        async () => (await focusedRow(panel)) === `cookie-row:${inPlace}`,
      );
      expect((await jar(suite.session)).length).toBe(before.length - 2);
      await panel.click('[data-testid="undo"]');
      await panel.waitForSelector(tableRow(order[2]));
      await undoRestores(panel, suite.session, before);
    });

    it('deletes the checked cookies only (checkbox and Space), then undo restores them exactly', async () => {
      await suite.page.goto(suite.site.url('/two-paths/page'));
      const before = exact(await jar(suite.session));
      const panel = await suite.openReadyView('panel');
      // The deep `dup` by its checkbox; `plain` from the keyboard: focus its row, Space.
      await panel.click(`${rowAt('dup', '/two-paths')} [data-testid="cookie-check"]`);
      await panel.focus(rowAt('plain', '/'));
      await panel.keyboard.press(' ');
      await panel.waitForSelector(`${rowAt('plain', '/')}[data-marked="true"]`);
      const label = await panel.$eval('[data-testid="delete-selected"]', (e) => e.textContent);
      expect(label).toBe('Delete selected (2)');
      // From the keyboard: the button goes at once, while the write disables the bar's other buttons; the focus goes
      // to Add cookie once the write is done (not to Delete all of this site beside it, nor out of the bar).
      await panel.focus('[data-testid="delete-selected"]');
      await panel.keyboard.press('Enter');
      expect(await lastOutcome(panel)).toEqual(['written', 'written']);
      await waitUntil('the focus on Add cookie', async () => (await focusedRow(panel)) === 'cookie-add:');
      const gone = (c: { name: string; path: string }) =>
        (c.name === 'dup' && c.path === '/two-paths') || c.name === 'plain';
      // The same name on another path stays.
      expect(exact(await jar(suite.session))).toEqual(before.filter((c) => !gone(c)));
      expect(before.filter(gone)).toHaveLength(2);
      await undoRestores(panel, suite.session, before);
    });

    it('protect holds against the site’s own Set-Cookie, and the timeline says so', async () => {
      await suite.page.goto(suite.site.url('/set?n=guarded&v=mine'));
      await suite.page.goto(suite.site.url('/two-paths/page'));
      const panel = await suite.openReadyView('panel');
      await openDetail(panel, 'guarded');
      await panel.click('[data-testid="detail"] [data-testid="cookie-protect"]');
      await waitUntil('protected', () =>
        panel.$eval('[data-testid="cookie-protect"]', (e) => (e as HTMLInputElement).checked),
      );
      // A popup opened now shows it protected: it reads the setting from storage (src/platform/edit-state.ts).
      const popup = await suite.openReadyView('popup');
      await popup.click(`${row('guarded')} [data-testid="cookie-toggle"]`);
      const box = await popup.waitForSelector(`${row('guarded')} [data-testid="cookie-protect"]`);
      expect(await box!.evaluate((e) => (e as HTMLInputElement).checked)).toBe(true);
      await popup.close();
      await suite.page.goto(suite.site.url('/set?n=guarded&v=theirs'));
      await waitJar(suite.session, (l) => l.some((c) => c.name === 'guarded' && c.value === 'mine'), 'put back');
      const log = await readChangeLog(suite.session.control, {});
      expect(log.entries.some((e) => e.cookie.name === 'guarded' && e.cause === 'protected')).toBe(true);
      // The open panel's timeline shows the background's entry with its own cause, once it reads the log again after
      // the changes (it saw the browser's events itself); and so does a panel opened now.
      await panel.waitForSelector('[data-testid="timeline-entry"][data-cause="protected"]', { timeout: 10_000 });
      const fresh = await suite.openReadyView('panel');
      await fresh.waitForSelector('[data-cause="protected"]');
    });

    it('a JWT the user writes is no login: the timeline shows it as written in SessionScope and finds no session id kept', async () => {
      const panel = await panelAfterGrace(suite);
      const sets = '[data-testid="timeline-entry"][data-name="jwt"][data-removed="false"][data-cause="explicit"]';
      const setsBefore = (await panel.$$(sets)).length;
      await openDetail(panel, 'jwt');
      await panel.click('[data-testid="detail"] [data-testid="cookie-edit"]');
      await panel.waitForSelector('[data-testid="edit-value"]');
      // Another user's token, as a tester pastes one.
      await panel.$eval('[data-testid="edit-value"]', (el) => (el as HTMLTextAreaElement).select());
      await panel.keyboard.press('Backspace');
      await panel.type('[data-testid="edit-value"]', makeJwt({ sub: 'mallory', role: 'admin' }));
      await panel.click('[data-testid="edit-save"]');
      expect(await lastOutcome(panel)).toEqual(['written']);
      // The browser's event for the write and SessionScope's own entry are both in the timeline.
      await panel.waitForSelector('[data-testid="timeline-entry"][data-name="jwt"][data-cause="edited"]', {
        timeout: 10_000,
      });
      expect(
        await panel.$eval('[data-testid="timeline-entry"][data-cause="edited"] .action', (e) => e.textContent),
      ).toBe('written in SessionScope');
      await waitUntil('the browser’s set of the new token in the timeline', async () =>
        (await panel.$$(sets)).length > setsBefore ? true : undefined,
      );
      expect(await timelineFindings(panel)).toEqual([]);
    });

    it('a block rule says what it matches, removes those at once and says so, is undone, then removes a cookie the site sets', async () => {
      await suite.page.goto(suite.site.url('/set?n=blocked_before&v=1'));
      await waitJar(suite.session, (l) => l.some((c) => c.name === 'blocked_before'), 'set before the rule');
      const panel = await suite.openReadyView('panel');
      await panel.click('[data-testid="block-rules"] summary');
      await panel.type('[data-testid="block-name"]', 'blocked_*');
      expect(await (await panel.waitForSelector('[data-testid="block-matches"]'))!.evaluate((e) => e.textContent)).toBe(
        "It matches 1 of this site's cookies now: adding it deletes that one, and any other site's cookie that matches.",
      );
      await panel.click('[data-testid="block-add"]');
      await panel.waitForSelector('[data-testid="block-rule"]');
      const swept = await panel.waitForSelector('[data-testid="block-swept"]');
      expect(await swept!.evaluate((e) => [e.getAttribute('data-count'), e.textContent])).toEqual([
        '1',
        expect.stringMatching(/^Rule added: it deleted 1 cookie already in the browser \(.*\): blocked_before \(/),
      ]);
      await waitJar(suite.session, (l) => !l.some((c) => c.name === 'blocked_before'), 'swept');
      // Undo takes the rule away and puts the cookie back as it was.
      await panel.click('[data-testid="block-undo"]');
      await waitJar(suite.session, (l) => l.some((c) => c.name === 'blocked_before' && c.value === '1'), 'put back');
      await waitUntil('the rule taken away', async () =>
        (await panel.$('[data-testid="block-rule"]')) === null ? true : undefined,
      );
      expect(await panel.$('[data-testid="block-swept"]')).toBeNull();
      await panel.waitForSelector('[data-testid="edit-result"][data-kind="undo"]');
      expect(await lastOutcome(panel)).toEqual(['written']);
      // Added again, for the rest of the suite: it deletes the cookie again, and blocks the site's next one.
      await panel.type('[data-testid="block-name"]', 'blocked_*');
      await panel.click('[data-testid="block-add"]');
      await panel.waitForSelector('[data-testid="block-swept"][data-count="1"]');
      await waitJar(suite.session, (l) => !l.some((c) => c.name === 'blocked_before'), 'swept again');
      await suite.page.goto(suite.site.url('/set?n=blocked_one&v=1'));
      await waitJar(suite.session, (l) => !l.some((c) => c.name === 'blocked_one'), 'blocked');
      // The log stages its entries: the removal is logged shortly after the jar shows it. It must be logged as the
      // rule's doing, not as an ordinary deletion.
      const entries = await waitUntil('the blocked cookie in the change log', async () => {
        const log = await readChangeLog(suite.session.control, {});
        const mine = log.entries.filter((e) => e.cookie.name === 'blocked_one' && e.removed);
        return mine.length > 0 ? mine : undefined;
      });
      expect(entries.map((e) => e.cause)).toContain('blocked');
    });
  });
}

/** Both browsers' suites: the test site, opened on the page that sets one name on two paths. */
const TWO_PATHS = { site: () => startSite(HOST), open: '/two-paths/page' };

describe('edit, undo, protect and block', () => {
  const chromium = withChromium(TWO_PATHS);
  editSuite('Chromium', chromium, true);

  // Firefox reports no change at all for a cookie written as it was: Chromium reports an overwrite and a set.
  it('Chromium: a JWT cookie saved unchanged is no login: the timeline finds no session id kept across it', async () => {
    const panel = await panelAfterGrace(chromium);
    await openDetail(panel, 'jwt');
    await panel.click('[data-testid="detail"] [data-testid="cookie-edit"]');
    await panel.waitForSelector('[data-testid="edit-value"]');
    await panel.click('[data-testid="edit-save"]');
    expect(await lastOutcome(panel)).toEqual(['written']);
    // The browser reports the write as an overwrite, then a set of the same token: both reach the timeline.
    const overwrite = await panel.waitForSelector(
      '[data-testid="timeline-entry"][data-name="jwt"][data-cause="overwrite"]',
      { timeout: 10_000 },
    );
    const after = Number(await overwrite!.evaluate((e) => e.getAttribute('data-seq')));
    await waitUntil('the set after the overwrite in the timeline', () =>
      panel.$$eval(
        '[data-testid="timeline-entry"][data-name="jwt"][data-removed="false"]',
        (els, seq) => els.some((e) => Number(e.getAttribute('data-seq')) > seq),
        after,
      ),
    );
    expect(await timelineFindings(panel)).toEqual([]);
  });

  it('Chromium: protect and block survive a worker restart', async () => {
    const c = chromium.session as ChromiumSession;
    // Protected and block rule from the tests above.
    await c.stopWorker();
    await chromium.page.goto(chromium.site.url('/set?n=guarded&v=after-restart'));
    await chromium.page.goto(chromium.site.url('/set?n=blocked_two&v=1'));
    await waitJar(
      c,
      (l) => l.some((x) => x.name === 'guarded' && x.value === 'mine') && !l.some((x) => x.name === 'blocked_two'),
      'protect and block after restart',
    );
  });

  it('Chromium: in a jar of 3,000 cookies, a delete of 60 says it is under way, deletes only those, and undo restores them', async () => {
    const c = chromium.session as ChromiumSession;
    const cdp = await c.control.createCDPSession();
    // 2,940 cookies of 98 other sites, then 60 more of the test site on two paths: a profile in use.
    const expires = Math.floor(Date.now() / 1000) + 86_400;
    const others = Array.from({ length: 2_940 }, (_, i) => ({
      name: `o${i % 30}`,
      value: 'x',
      domain: `s${Math.floor(i / 30)}-other.test`,
      path: '/',
      expires,
    }));
    const bulk = Array.from({ length: 60 }, (_, i) => ({
      name: `bulk${i}`,
      value: `v${i}`,
      domain: HOST,
      path: i % 2 === 0 ? '/' : '/two-paths',
      expires,
    }));
    await cdp.send('Network.setCookies', { cookies: [...others, ...bulk] });
    const otherCount = async () =>
      (await cdp.send('Network.getAllCookies')).cookies.filter((x) => x.domain.endsWith('-other.test')).length;
    expect(await otherCount()).toBe(2_940);
    try {
      await chromium.page.goto(chromium.site.url('/two-paths/page'));
      const before = exact(await jar(c));
      expect(before.filter((x) => x.name.startsWith('bulk'))).toHaveLength(60);
      const panel = await chromium.openReadyView('panel');
      await panel.waitForSelector(rowAt('bulk1', '/two-paths'));
      await panel.click('[data-testid="delete-all"]');
      // The write's status while the background deletes each cookie and reads the jar back.
      const working = await panel.waitForSelector('[data-testid="edit-working"]', { timeout: 10_000 });
      expect(await working!.evaluate((e) => e.textContent)).toMatch(/^Working: delete of all \d+ cookies of /);
      const outcomes = await lastOutcome(panel);
      expect(outcomes).toHaveLength(before.length);
      expect(new Set(outcomes)).toEqual(new Set(['written']));
      // Counted in one line, every row folded away: none had more to say than "deleted".
      expect(await panel.$eval('[data-testid="edit-result-counts"]', (e) => e.textContent)).toBe(
        `${before.length} deleted.`,
      );
      expect(await panel.$eval('[data-testid="edit-result-rest"]', (e) => (e as HTMLDetailsElement).open)).toBe(false);
      expect(await panel.$('[data-testid="edit-working"]')).toBeNull();
      expect(await jar(c)).toEqual([]);
      expect(await otherCount()).toBe(2_940);
      await undoRestores(panel, c, before);
    } finally {
      await cdp.detach();
    }
  }, 120_000);
});

describe('edit, undo, protect and block in Firefox', () => {
  const firefox = withFirefox(TWO_PATHS);
  editSuite('Firefox', firefox, false);

  it('Firefox: a container tab’s view shows its own cookies, and a cookie added there goes to its container', async () => {
    const { session, site } = firefox;
    await inContainerTab(session, async (inContainer) => {
      await inContainer.goto(site.url('/set?n=who&v=container-user'));
      const tab = await waitUntil('the container tab', () =>
        session.control.evaluate(async () => {
          const t = (await browser.tabs.query({})).find((x) => x.cookieStoreId?.startsWith('firefox-container-'));
          return t?.id === undefined ? undefined : { id: t.id, store: t.cookieStoreId! };
        }),
      );
      const panel = await firefox.openReadyView('panel', { tabId: tab.id });
      await panel.waitForSelector(rowAt('who', '/'));
      // The default store's cookies of the same site are not this tab's.
      expect(await panel.$(rowAt('dup', '/two-paths'))).toBeNull();
      await panel.click('[data-testid="cookie-add"]');
      // The editor loads on first use.
      await panel.waitForSelector('[data-testid="edit-name"]');
      expect(await panel.$eval('[data-testid="edit-store"]', (e) => (e as HTMLInputElement).value)).toBe(tab.store);
      await panel.type('[data-testid="edit-name"]', 'added');
      await panel.type('[data-testid="edit-value"]', 'in-container');
      // Secure is on by default, and Firefox keeps Secure cookies for http://127.0.0.1.
      await panel.click('[data-testid="edit-save"]');
      expect(await lastOutcome(panel)).toEqual(['written']);
      const added = await session.control.evaluate(
        (host: string) => browser.cookies.getAll({ domain: host, name: 'added' }),
        HOST,
      );
      expect(added).toEqual([]);
      const inStore = await session.control.evaluate(
        (host: string, storeId: string) => browser.cookies.getAll({ domain: host, name: 'added', storeId }),
        HOST,
        tab.store,
      );
      expect(inStore.map((c) => [c.value, c.storeId])).toEqual([['in-container', tab.store]]);
      // What a Firefox DevTools panel (no cookies API) reads for export, import and snapshots: the background
      // answers with this store's cookies only, or every store's.
      const viaBackground = await sendFrom(session.control, 'readCookies', {
        scope: 'site',
        host: HOST,
        storeId: tab.store,
      });
      expect(viaBackground.ok && viaBackground.cookies.map((c) => [c.name, c.storeId]).sort()).toEqual([
        ['added', tab.store],
        ['who', tab.store],
      ]);
      const every = await sendFrom(session.control, 'readCookies', { scope: 'all' });
      expect(every.ok && new Set(every.cookies.map((c) => c.storeId))).toEqual(new Set(['firefox-default', tab.store]));
    });
  });
});
