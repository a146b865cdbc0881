import type { Browser } from 'puppeteer-core';

/**
 * Rows below the fold skip rendering (content-visibility) and stand in with their contain-intrinsic-height. If
 * that height differs from the real one, a row changes size when scrolled into view and clicks land on the wrong
 * row. This renders every row for real and lists those whose height changed (name: skipped → rendered px).
 */
export async function rowHeightMismatches(
  browser: Browser,
  url: string,
  expected: number,
  init: string,
): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(init);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(`document.querySelectorAll('[data-testid="cookie-row"]').length >= ${expected}`);
    return (await page.evaluate(`(() => {
      const rows = () => [...document.querySelectorAll('[data-testid="cookie-row"]')];
      const before = rows().map((r) => r.getBoundingClientRect().height);
      const style = document.createElement('style');
      style.textContent = '.cookie-row { content-visibility: visible !important; }';
      document.head.append(style);
      return rows().flatMap((r, i) => {
        const h = r.getBoundingClientRect().height;
        return Math.abs(h - before[i]) > 0.01 ? [r.dataset.name + ': ' + before[i] + ' → ' + h + ' px'] : [];
      });
    })()`)) as string[];
  } finally {
    await page.close();
  }
}
