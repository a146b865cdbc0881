import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { screenshotOnFailure } from './harness/artifacts';
import { launchChromium, type ChromiumSession } from './harness/chromium';

/*
 * Chromium keeps at most 180 cookies per site (PERF.md), so no real jar gives one page's panel thousands of rows.
 * This runs the panel's own start (bench/synthetic/panel.tsx: startPanel with the cookies handed in instead of read
 * through the cookies API) as a page of a second extension in real Chromium, on 3,000 cookies.
 */
const TOTAL = 3000;
const ROWS = '[data-testid="cookie-row"]';
const root = resolve(import.meta.dirname, '../..');

const pad = (i: number) => String(i).padStart(4, '0');

function records(): CookieRecord[] {
  return Array.from({ length: TOTAL }, (_, i) => ({
    name: `c${pad(i)}`,
    value: `v${i}`,
    domain: `s${i % 60}.scale.localhost`,
    path: '/',
    hostOnly: true,
    secure: i % 2 === 0,
    httpOnly: i % 3 === 0,
    sameSite: 'lax',
    browserSession: true,
    storeId: '0',
  }));
}

const rowNames = (panel: Page) => panel.$$eval(ROWS, (rows) => rows.map((r) => (r as HTMLElement).dataset.name!));
const rowIndexes = (panel: Page) =>
  panel.$$eval(ROWS, (rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
const focusedName = (panel: Page) => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.name);

describe('Chromium: the panel on thousands of cookies', () => {
  let session: ChromiumSession | undefined;
  let panel: Page;
  screenshotOnFailure(() => session?.browser);

  beforeAll(async () => {
    await build({ configFile: resolve(root, 'bench/vite.config.ts'), logLevel: 'warn' });
    session = await launchChromium();
    const id = await session.browser.installExtension(resolve(root, 'dist', 'bench'));
    panel = await session.browser.newPage();
    await panel.setViewport({ width: 1280, height: 800 });
    await panel.evaluateOnNewDocument(`window.__benchCookies = ${JSON.stringify(records())};`);
    await panel.goto(`chrome-extension://${id}/panel.html`);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('counts every cookie but draws only the rows in view, one line each', async () => {
    await panel.waitForFunction(
      (n: number) => document.querySelector('[data-testid="filter-count"]')?.textContent === `${n} of ${n}`,
      { timeout: 30_000 },
      TOTAL,
    );
    const drawn = await rowNames(panel);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(120);
    expect(drawn[0]).toBe('c0000');
    expect(await panel.$eval('table.cookie-table', (t) => t.getAttribute('aria-rowcount'))).toBe(String(TOTAL + 1));
    const heights = await panel.$$eval(ROWS, (rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(new Set(heights)).toEqual(new Set([24]));
  });

  it('scrolls: the rows where the scroll box is are drawn and in view', async () => {
    await panel.$eval('[data-testid="cookie-table-scroll"]', (el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await panel.waitForFunction(
      (sel: string) => Number(document.querySelector(sel)?.getAttribute('aria-rowindex')) > 500,
      { timeout: 10_000 },
      ROWS,
    );
    const indexes = await rowIndexes(panel);
    expect(Math.min(...indexes)).toBeGreaterThan(TOTAL / 2 - 100);
    expect(Math.max(...indexes)).toBeLessThan(TOTAL / 2 + 100);
    const inView = await panel.$eval('[data-testid="cookie-table-scroll"]', (box) => {
      const r = box.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 40, r.top + r.height / 2);
      return hit?.closest('[data-testid="cookie-row"]')?.getAttribute('aria-rowindex') ?? null;
    });
    expect(Number(inView)).toBeGreaterThan(TOTAL / 2 - 60);
    expect(Number(inView)).toBeLessThan(TOTAL / 2 + 60);
  });

  it('keyboard: End, PageUp, Home reach rows that were not drawn and focus them; Enter opens', async () => {
    // A row in view: the first drawn one may be the row above the view (drawn ahead), under the sticky header.
    const shown = await panel.evaluateHandle(() => {
      const box = document.querySelector('[data-testid="cookie-table-scroll"]')!.getBoundingClientRect();
      return document.elementFromPoint(box.left + 40, box.top + box.height / 2)!.closest('tr')!;
    });
    await shown.click();
    await panel.keyboard.press('End');
    await panel.waitForFunction(
      (n: number) => document.activeElement?.getAttribute('aria-rowindex') === String(n),
      { timeout: 10_000 },
      TOTAL + 1,
    );
    expect(await focusedName(panel)).toBe(`c${pad(TOTAL - 1)}`);
    await panel.keyboard.press('PageUp');
    await panel.waitForFunction(
      (n: number) => Number(document.activeElement?.getAttribute('aria-rowindex')) < n - 5,
      { timeout: 10_000 },
      TOTAL + 1,
    );
    await panel.keyboard.press('Home');
    await panel.waitForFunction(() => document.activeElement?.getAttribute('aria-rowindex') === '2', {
      timeout: 10_000,
    });
    expect(await focusedName(panel)).toBe('c0000');
    await panel.keyboard.press('Enter');
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="detail"]')?.getAttribute('data-key')?.includes('c0000') === true,
      { timeout: 10_000 },
    );
  });

  it('filters thousands of rows with the filter language, and shows a wrong term inline', async () => {
    await panel.click('[data-testid="filter"]');
    await panel.keyboard.type('domain:s27. flag:httponly -flag:secure');
    // Domain s27.…: i % 60 == 27, so i is odd (not Secure) and a multiple of 3 (HttpOnly): all 50 of them.
    const want = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => i % 60 === 27);
    await panel.waitForFunction(
      (n: number, t: number) => document.querySelector('[data-testid="filter-count"]')?.textContent === `${n} of ${t}`,
      { timeout: 10_000 },
      want.length,
      TOTAL,
    );
    const names = await rowNames(panel);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual(want.slice(0, names.length).map((i) => `c${pad(i)}`));
    await panel.keyboard.type(' flag:bogus');
    await panel.waitForSelector('[data-testid="filter-error"]', { timeout: 10_000 });
    expect(await panel.$eval('[data-testid="filter-error"]', (e) => e.textContent)).toContain('flag must be one of');
    expect(await panel.$eval('[data-testid="filter-count"]', (e) => e.textContent)).toBe(`${want.length} of ${TOTAL}`);
  });
});
