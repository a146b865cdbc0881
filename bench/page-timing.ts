import type { Browser, Page } from 'puppeteer-core';

/**
 * Timed on the page's own clock: `performance.now()` counts from the navigation start. A MutationObserver installed
 * before any page script notes when `expected` rows are in the DOM, then the next frame: rAF + a task after it, which
 * runs once that frame has been produced.
 *
 * A string, not a function: tsx (esbuild with keepNames) wraps named inner functions in a `__name` helper that
 * does not exist in the page, and the timer would die silently.
 */
function timerScript(expected: number, selector: string): string {
  return `(() => {
    const t = { rows: -1, painted: -1 };
    window.__bench = t;
    const observer = new MutationObserver(() => {
      if (t.rows >= 0 || document.querySelectorAll(${JSON.stringify(selector)}).length < ${expected}) return;
      t.rows = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { t.painted = performance.now(); }, 0));
    });
    observer.observe(document, { childList: true, subtree: true });
  })();`;
}

export interface Timing {
  rowsMs: number;
  paintedMs: number;
  heapBytes: number;
  /**
   * `performance.mark`s the page set (the synthetic popup marks its phases), by name: the first of each. Read after
   * the heap, once the page's `laterMarks` are set (or their wait ran out).
   */
  marks: Record<string, number>;
}

/** How long a page is kept open after its rows painted for the later marks it sets (`laterMarks`). */
const LATER_MARKS_MS = 5_000;

export async function timePage(
  browser: Browser,
  url: string,
  expected: number,
  selector: string,
  before?: (page: Page) => Promise<void>,
  laterMarks: readonly string[] = [],
): Promise<Timing> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument(timerScript(expected, selector));
    if (before) await before(page);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __bench: { painted: number } }).__bench.painted >= 0, {
      timeout: 30_000,
    });
    const t = (await page.evaluate(`({ rows: window.__bench.rows, painted: window.__bench.painted })`)) as {
      rows: number;
      painted: number;
    };
    // Pages of one extension share a renderer and its JS heap: collect garbage first, so what the closed pages
    // left behind is not counted; what remains includes the extension's other open pages.
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    const metrics = await page.metrics();
    // Marks the page sets after its rows painted (the analysis arriving): the page is kept open until they are
    // set, within LATER_MARKS_MS; a mark still missing then is left out of this run's marks.
    if (laterMarks.length > 0) {
      const names = JSON.stringify(laterMarks);
      await page
        .waitForFunction(`${names}.every((n) => performance.getEntriesByName(n, 'mark').length > 0)`, {
          timeout: LATER_MARKS_MS,
        })
        .catch(() => undefined);
    }
    const marks = (await page.evaluate(
      `Object.fromEntries(performance.getEntriesByType('mark').reverse().map((m) => [m.name, m.startTime]))`,
    )) as Record<string, number>;
    return { rowsMs: t.rows, paintedMs: t.painted, heapBytes: metrics.JSHeapUsedSize ?? Number.NaN, marks };
  } finally {
    await page.close();
  }
}
