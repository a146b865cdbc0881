import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { withChromium, withFirefox } from './harness/setup';
import { row } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite, type RunningSite } from './site/test-site';
import type { BrowserSession } from './harness/browser-session';
import { tabIdOf } from './harness/extension-messages';

// The panel at the sizes DevTools gives it: undocked or wide, docked at the bottom (wide and short), docked at the
// side (narrow). In each the cookie table is in sight when the panel opens, and a cookie's detail where it can be
// read. The panel is opened as a tab on the site's tab (`?tabId=N`), sized as DevTools would size it.

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const BOX = '[data-testid="cookie-table-scroll"]';
const OVERVIEW = '[data-testid="site-overview"]';
const DETAIL = '[data-testid="detail"][data-key]';

function boxOf(view: Page, selector: string): Promise<Box | null> {
  return view.evaluate((s: string) => {
    const el = document.querySelector(s);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }, selector);
}

/** Cookie rows wholly inside both the table's box and the window, without any scrolling. */
function rowsInSight(view: Page): Promise<number> {
  return view.evaluate((box: string) => {
    const frame = document.querySelector(box)!.getBoundingClientRect();
    const bottom = Math.min(frame.bottom, window.innerHeight);
    return [...document.querySelectorAll('[data-testid="cookie-row"]')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= frame.top && r.bottom <= bottom + 0.5;
    }).length;
  }, BOX);
}

/** The short columns: as wide as what they hold (panel.css). */
const SHORT_COLUMNS = ['expiry', 'size', 'flags', 'findings'];

/** Cells and headers of the given columns that are shown and cut (their content wider than their box). */
function cutCells(view: Page, columns: readonly string[]): Promise<string[]> {
  return view.evaluate((cols: readonly string[]) => {
    const cut: string[] = [];
    for (const col of cols) {
      for (const cell of document.querySelectorAll<HTMLElement>(`.cookie-table .col-${col}`)) {
        if (getComputedStyle(cell).display === 'none') continue;
        if (cell.scrollWidth > cell.clientWidth + 1) cut.push(`${col}: ${cell.textContent}`);
      }
    }
    return cut;
  }, columns);
}

/** The columns whose header is laid out, in order. */
function shownColumns(view: Page): Promise<string[]> {
  return view.$$eval('.cookie-table thead th [data-testid^="sort-"]', (els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => (el as HTMLElement).dataset.testid!.slice('sort-'.length)),
  );
}

/**
 * How far the shown columns fall short of the table's width: a row spanning more columns than are shown (the
 * virtualiser's spacer rows) makes a column of nothing that takes its share.
 */
function columnsShortfall(view: Page): Promise<number> {
  return view.evaluate(() => {
    const table = document.querySelector('.cookie-table')!.getBoundingClientRect();
    const heads = [...document.querySelectorAll('.cookie-table thead th')].filter(
      (th) => th.getClientRects().length > 0,
    );
    return table.right - heads.at(-1)!.getBoundingClientRect().right;
  });
}

const widthOf = (view: Page, selector: string) => view.$eval(selector, (el) => el.getBoundingClientRect().width);

function layoutSuite(suite: {
  openReadyView(view: 'panel', options: { beforeLoad: (p: Page) => unknown }): Promise<Page>;
  openView(view: 'panel', options: { tabId: number; beforeLoad: (p: Page) => unknown }): Promise<Page>;
  session: BrowserSession;
  site: RunningSite;
  track(page: Page): Page;
}) {
  const panelAt = (width: number, height: number) =>
    suite.openReadyView('panel', { beforeLoad: (p) => p.setViewport({ width, height }) });

  it('wide: the table at the top, the site overview beside it, then a cookie detail in its place', async () => {
    const view = await panelAt(1280, 800);
    const box = (await boxOf(view, BOX))!;
    expect(box.top).toBeLessThan(150);
    expect(await rowsInSight(view)).toBeGreaterThanOrEqual(11);
    // How the session works, beside the table while no cookie is open.
    const overview = (await boxOf(view, OVERVIEW))!;
    expect(overview.left).toBeGreaterThanOrEqual(box.right - 1);
    // In the first screenful, under the side pane's status lines (the weak-secret check, the hint).
    expect(overview.top).toBeLessThan(300);
    expect(await view.$eval(`${OVERVIEW} [data-testid="session-card"]`, (el) => el.hasAttribute('open'))).toBe(true);
    // Every column but Partition (no cookie here is partitioned), the short ones never cut.
    expect(await shownColumns(view)).toEqual([
      'name',
      'value',
      'domain',
      'path',
      'expiry',
      'size',
      'flags',
      'findings',
    ]);
    expect(await cutCells(view, SHORT_COLUMNS)).toEqual([]);

    await view.click(row('theme'));
    await view.waitForSelector(DETAIL);
    const detail = (await boxOf(view, DETAIL))!;
    expect(detail.left).toBeGreaterThanOrEqual(box.right - 1);
    expect(await view.$(OVERVIEW)).toBeNull();
    // Closing the detail brings the overview back.
    await view.click('[data-testid="detail"] .close');
    await view.waitForSelector(OVERVIEW);
    expect(await view.$(DETAIL)).toBeNull();
  });

  it('columns: hidden from the menu, still hidden when the panel opens again, back with "Default columns"', async () => {
    const view = await panelAt(1280, 800);
    const nameWidth = await widthOf(view, 'th.col-name');
    await view.click('[data-testid="columns-toggle"]');
    await view.click('[data-testid="column-toggle"][data-column="value"]');
    await waitUntil('the Value column hidden', async () => !(await shownColumns(view)).includes('value'));
    expect(await view.$$eval('td.col-value', (els) => els.every((el) => el.getClientRects().length === 0))).toBe(true);
    // The text columns share the room it leaves.
    expect(await widthOf(view, 'th.col-name')).toBeGreaterThan(nameWidth + 20);
    await view.keyboard.press('Escape');
    expect(await view.$eval('[data-testid="columns-menu"]', (el) => (el as HTMLDetailsElement).open)).toBe(false);

    // Kept in the extension's storage: a panel opened later shows the same columns.
    const again = await panelAt(1280, 800);
    await waitUntil(
      'the Value column hidden in the new panel',
      async () => !(await shownColumns(again)).includes('value'),
    );
    await again.click('[data-testid="columns-toggle"]');
    await again.click('[data-testid="columns-reset"]');
    await waitUntil('the Value column back', async () => (await shownColumns(again)).includes('value'));
    expect(await cutCells(again, SHORT_COLUMNS)).toEqual([]);
  });

  it('a site with no cookie: what the panel has follows on from its message, with no empty stretch', async () => {
    // Another host of the same server, whose blank page sets nothing.
    const page = suite.track(await suite.session.openPage(suite.site.url('/blank').replace(HOST, 'empty.localhost')));
    const tabId = await tabIdOf(suite.session.control, page.url());
    const view = await suite.openView('panel', {
      tabId,
      beforeLoad: (p) => p.setViewport({ width: 1280, height: 800 }),
    });
    await view.waitForSelector('[data-testid="panel"][data-state="no-cookies"]');
    const message = (await boxOf(view, '[data-testid="state-message"]'))!;
    const bar = (await boxOf(view, '[data-testid="site-edit"]'))!;
    expect(bar.top - message.bottom).toBeLessThan(40);
    // And the timeline after the rest, not pushed to the bottom of the panel.
    const timeline = (await boxOf(view, '[data-testid="timeline"]'))!;
    const tools = (await boxOf(view, '[data-testid="transfer-tools"]'))!;
    expect(timeline.top - tools.bottom).toBeLessThan(20);
  });

  it('short (docked at the bottom): the table keeps rows in sight instead of being squeezed', async () => {
    const view = await panelAt(1280, 272);
    expect(await rowsInSight(view)).toBeGreaterThanOrEqual(5);
    // Rows below the box are not drawn (a spacer row stands for them), and the shown columns still fill the table.
    expect(await view.$('.cookie-table tr.spacer')).not.toBeNull();
    expect(await columnsShortfall(view)).toBeLessThan(1);
  });

  it('narrow (docked at the side): one column, the table full width, the detail under it and brought into sight', async () => {
    const view = await panelAt(554, 420);
    // The header wraps around its parts instead of squeezing them: the site's host stays on one line.
    const hostLines = await view.$eval('[data-testid="site-host"]', (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(hostLines).toBe(1);
    const width = await view.evaluate(() => document.documentElement.clientWidth);
    const box = (await boxOf(view, BOX))!;
    expect(box.right - box.left).toBeGreaterThanOrEqual(width - 2);
    expect(await rowsInSight(view)).toBeGreaterThanOrEqual(5);
    const overview = (await boxOf(view, OVERVIEW))!;
    expect(overview.top).toBeGreaterThanOrEqual(box.bottom - 1);
    // Partition, Path and Size make room (the detail shows them); the short columns left are not cut.
    expect(await shownColumns(view)).toEqual(['name', 'value', 'domain', 'expiry', 'flags', 'findings']);
    expect(await cutCells(view, SHORT_COLUMNS)).toEqual([]);

    await view.click(row('theme'));
    await view.waitForSelector(DETAIL);
    // Under the table, and scrolled to: its first lines are on screen.
    await waitUntil('the detail in sight', async () => {
      const detail = (await boxOf(view, DETAIL))!;
      return detail.top >= -1 && detail.top < (await view.evaluate(() => window.innerHeight)) - 100;
    });
    const detail = (await boxOf(view, DETAIL))!;
    const table = (await boxOf(view, BOX))!;
    expect(detail.top).toBeGreaterThanOrEqual(table.bottom - 1);
    expect(detail.left).toBeLessThan(table.left + 20);
  });
}

const HOST = 'app.sessionscope.localhost';
const site = () => startSite(HOST, { parentDomain: 'sessionscope.localhost' });

describe('panel layout, Chromium', () => {
  layoutSuite(withChromium({ site, open: '/' }));
});

describe('panel layout, Firefox', () => {
  layoutSuite(withFirefox({ site, open: '/' }));
});
