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
/**
 * The drawn rows as they are on screen, top to bottom, with the gaps between their tops: while the filter is typed a
 * row kept in view is moved on screen and not in the DOM (src/ui/use-row-slots.ts), so this reads where each is drawn.
 */
const onScreen = (panel: Page) =>
  panel.$$eval(ROWS, (rows) => {
    const placed = rows
      .map((r) => ({ name: (r as HTMLElement).dataset.name!, top: r.getBoundingClientRect().top }))
      .sort((a, b) => a.top - b.top);
    return { names: placed.map((p) => p.name), gaps: placed.slice(1).map((p, i) => p.top - placed[i]!.top) };
  });
/** Waits until the drawn rows are in the DOM in the order `names` (once typing pauses, use-row-slots.ts). */
const domInOrder = (panel: Page, names: readonly string[]) =>
  panel.waitForFunction(
    (sel: string, want: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)].map((r) => r.dataset.name).join() === want,
    { timeout: 10_000 },
    ROWS,
    names.join(),
  );
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
    // Typed key by key, each narrowing the one before: the rows are drawn in list order, one row height apart.
    const drawn = await onScreen(panel);
    expect(drawn.names.length).toBeGreaterThan(10);
    expect(drawn.names).toEqual(want.slice(0, drawn.names.length).map((i) => `c${pad(i)}`));
    expect(drawn.gaps.every((g) => Math.abs(g - 24) < 0.5)).toBe(true);
    // Once typing pauses the elements are in that order in the DOM too, none moved on screen.
    await domInOrder(panel, drawn.names);
    expect(await panel.$$eval(ROWS, (rows) => rows.map((r) => (r as HTMLElement).style.transform))).toEqual(
      drawn.names.map(() => 'translateY(0px)'),
    );
    await panel.keyboard.type(' flag:bogus');
    await panel.waitForSelector('[data-testid="filter-error"]', { timeout: 10_000 });
    expect(await panel.$eval('[data-testid="filter-error"]', (e) => e.textContent)).toContain('flag must be one of');
    expect(await panel.$eval('[data-testid="filter-count"]', (e) => e.textContent)).toBe(`${want.length} of ${TOTAL}`);
  });
  it('typing moves a row still drawn on screen, not in the DOM, at its place; a pause puts the DOM in that order', async () => {
    const setFilter = (text: string) =>
      panel.evaluate((t: string) => {
        const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
        input.value = t;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
    await setFilter('name:c0');
    await panel.$eval('[data-testid="cookie-table-scroll"]', (box) => box.scrollTo(0, 0));
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="cookie-row"]')?.getAttribute('data-name') === 'c0000',
      { timeout: 10_000 },
    );
    await panel.waitForFunction(
      (sel: string) =>
        [...document.querySelectorAll<HTMLElement>(sel)].every((r) => r.style.transform === 'translateY(0px)'),
      { timeout: 10_000 },
      ROWS,
    );
    // One keystroke's render, read in the frame it paints (well within the pause): names with a "1" keep the rows
    // of c0001, c0010 … c0019 and c0021, and the rows that left (c0000, c0002 …) take c0031, c0041 … in their elements.
    const atOnce = (await panel.evaluate(
      (sel: string) =>
        new Promise((done) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
          input.value = 'name:1';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => {
            const rows = [...document.querySelectorAll<HTMLElement>(sel)];
            const placed = rows
              .map((r) => ({ name: r.dataset.name!, top: r.getBoundingClientRect().top }))
              .sort((a, b) => a.top - b.top);
            done({
              dom: rows.map((r) => r.dataset.name!),
              shown: placed.map((p) => p.name),
              gaps: placed.slice(1).map((p, i) => p.top - placed[i]!.top),
            });
          });
        }),
      ROWS,
    )) as { dom: string[]; shown: string[]; gaps: number[] };
    const want = Array.from({ length: TOTAL }, (_, i) => `c${pad(i)}`).filter((n) => n.includes('1'));
    expect(atOnce.shown).toEqual(want.slice(0, atOnce.shown.length));
    expect(atOnce.gaps.every((g) => Math.abs(g - 24) < 0.5)).toBe(true);
    expect(atOnce.dom).not.toEqual(atOnce.shown);
    await domInOrder(panel, atOnce.shown);
    expect(await rowNames(panel)).toEqual(atOnce.shown);
  });
});
