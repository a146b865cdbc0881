import type { KeyInput, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { row } from './views';

/** What has the focus, as the DOM contract names it: `testid` (or the tag), and for a toggle the cookie's name. */
export function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'body';
    const id = e.getAttribute('data-testid') ?? e.tagName.toLowerCase();
    const row = e.closest('[data-testid="cookie-row"]');
    return row ? `${id}:${row.getAttribute('data-name') ?? ''}` : id;
  });
}

/**
 * The controls Tab stops on, from the top of `page` until `last` (a data-testid) has the focus, pressed by the real
 * keyboard: at most `max` presses, so a page that never gets there fails with what it went through.
 */
export async function tabStopsUntil(page: Page, last: string, max = 200): Promise<string[]> {
  // From the top: a click on the page's top-left corner (its heading) moves where Tab starts from; a blur would not
  // (Chromium goes on from the element that had the focus).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.click(1, 1);
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedControl(page);
    stops.push(now);
    if (now === last) return stops;
  }
  throw new Error(`Tab never reached ${last} in ${max} presses: ${stops.join(', ')}`);
}

/**
 * The popup `view` (ready, with more than five rows) by the keyboard alone: each cookie list is one Tab stop (its
 * first toggle at first), no row's checkbox or copy button is; Down moves to the next row's toggle, Left to its
 * checkbox (Space checks it), Right back and on to its copy button; the row last visited is its list's Tab stop.
 */
export async function expectRowKeyboard(view: Page): Promise<void> {
  await view.waitForSelector('[data-analysis="done"]');
  const rows = await view.$$eval('[data-testid="cookie-row"]', (els) => els.map((e) => e.getAttribute('data-name')));
  expect(rows.length).toBeGreaterThan(5);
  const inRows = (stops: string[]) => stops.filter((s) => s.includes(':'));
  // One toggle per list (the session cookies, the others).
  expect(inRows(await tabStopsUntil(view, 'cookie-add'))).toEqual([
    `cookie-toggle:${rows[0]}`,
    expect.stringMatching(/^cookie-toggle:/),
  ]);
  await view.focus(`${row(rows[0]!)} [data-testid="cookie-toggle"]`);
  const steps: Array<[key: string, focused: string]> = [
    ['ArrowDown', `cookie-toggle:${rows[1]}`],
    ['ArrowLeft', `cookie-check:${rows[1]}`],
    ['ArrowRight', `cookie-toggle:${rows[1]}`],
    ['ArrowRight', `copy-value:${rows[1]}`],
    ['ArrowLeft', `cookie-toggle:${rows[1]}`],
  ];
  for (const [key, focused] of steps) {
    await view.keyboard.press(key as KeyInput);
    expect(await focusedControl(view), `after ${key}`).toBe(focused);
  }
  await view.keyboard.press('ArrowLeft');
  await view.keyboard.press(' ');
  expect(await view.$eval(row(rows[1]!), (e) => e.classList.contains('marked'))).toBe(true);
  expect(inRows(await tabStopsUntil(view, 'cookie-add'))[0]).toBe(`cookie-toggle:${rows[1]}`);
}
