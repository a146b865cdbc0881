import { cpus, loadavg } from 'node:os';
import type { Browser, KeyInput } from 'puppeteer-core';
import { ROW_HEIGHT } from '../src/ui/use-virtual-rows';
import { cookieMix, toRecord } from './cookie-mix';
import { median, ms } from './stats';

const ROW = '[data-testid="cookie-row"]';
/** Timed page loads (after one warm-up). */
export const PANEL_RUNS = 7;
/** Typed into the filter one key at a time, then erased one key at a time: 12 keystrokes a round. */
const TYPED = 'pref_1';

export interface PanelFigures {
  n: number;
  /** Navigation start → the analysis in hand (cookies handed over and analysed: not the table's work). */
  analysedMs: number;
  /** The analysis in hand → first rows in the DOM → the next frame painted. */
  renderMs: number;
  paintedMs: number;
  /** Rows in the DOM after the first render (virtualised: a screenful and a margin, not n). */
  drawnRows: number;
  /** Median over every keystroke: the keydown → the next frame painted with the filtered rows. */
  keystrokeMs: number;
  keystrokes: number;
  /** The machine's 1-minute load average when the runs started and ended (other work competes for the cores). */
  load: [number, number];
}

/** The filtered rows as drawn: the count line and the keys of the rows in the DOM. */
const SHOWN =
  `document.querySelector('[data-testid="filter-count"]')?.textContent + '|' + ` +
  `[...document.querySelectorAll(${JSON.stringify(ROW)})].map((r) => r.dataset.key).join(',')`;

// A string, not a function: tsx's keepNames would wrap inner functions in a `__name` the page lacks (page-timing.ts).
function timerScript(): string {
  return `(() => {
    const t = { rows: -1, painted: -1, keys: [], shown: [] };
    window.__panel = t;
    const observer = new MutationObserver(() => {
      if (t.rows >= 0 || !document.querySelector(${JSON.stringify(ROW)})) return;
      t.rows = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { t.painted = performance.now(); }, 0));
    });
    observer.observe(document, { childList: true, subtree: true });
    // From the keystroke (keydown: the platform's time of the key, so the wait for a busy main thread counts), not
    // from the input event, which is created only once the page gets to handle the key.
    let keyAt = null;
    document.addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
    document.addEventListener('input', (e) => {
      const t0 = keyAt ?? e.timeStamp;
      keyAt = null;
      requestAnimationFrame(() => {
        // What this frame paints: checked against the settled page afterwards, so a filter that updates the rows
        // later (debounced, in a later task) cannot pass an unchanged frame off as the updated one.
        const shown = ${SHOWN};
        setTimeout(() => { t.keys.push(performance.now() - t0); t.shown.push(shown); }, 0);
      });
    }, true);
  })();`;
}

/** One panel page on `n` synthetic cookies: first render, then `rounds` rounds of typing into the filter. */
async function onePanel(browser: Browser, url: string, init: string, rounds: number) {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(timerScript());
    await page.evaluateOnNewDocument(init);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction('window.__panel.painted >= 0', { timeout: 60_000 });
    const first = (await page.evaluate(`({
      rows: window.__panel.rows,
      painted: window.__panel.painted,
      analysed: performance.getEntriesByName('analysed')[0]?.startTime ?? NaN,
      drawn: document.querySelectorAll(${JSON.stringify(ROW)}).length,
      heights: [...document.querySelectorAll(${JSON.stringify(ROW)})].map((r) => r.getBoundingClientRect().height),
    })`)) as { rows: number; painted: number; analysed: number; drawn: number; heights: number[] };
    const wrong = first.heights.filter((h) => Math.abs(h - ROW_HEIGHT) > 0.5);
    if (wrong.length > 0) {
      throw new Error(`${wrong.length} rows are not ${ROW_HEIGHT} px tall (e.g. ${wrong[0]} px): fix panel.css`);
    }
    const filter = await page.waitForSelector('[data-testid="filter"]');
    await filter!.focus();
    let expected = 0;
    for (let r = 0; r < rounds; r++) {
      for (const key of [...TYPED, ...Array.from(TYPED, () => 'Backspace')] as KeyInput[]) {
        await page.keyboard.press(key);
        expected++;
        await page.waitForFunction(`window.__panel.keys.length >= ${expected}`, { timeout: 10_000 });
        const [timed, settled] = (await page.evaluate(
          `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => ` +
            `done([window.__panel.shown[${expected - 1}], ${SHOWN}]))))`,
        )) as [string, string];
        if (timed !== settled) {
          throw new Error(`keystroke ${expected}: the frame timed did not show the filtered rows yet`);
        }
      }
    }
    const keys = (await page.evaluate('window.__panel.keys')) as number[];
    return { ...first, keys };
  } finally {
    await page.close();
  }
}

/**
 * The DevTools panel's code on `n` synthetic cookies (bench/synthetic/panel.tsx, a page of the bench extension):
 * medians of `runs` page loads after `warmup`, keystroke medians over every keystroke of those runs.
 */
export async function panelBenchmarks(
  browser: Browser,
  pageUrl: string,
  jwts: readonly string[],
  opts: { n?: number; runs?: number; warmup?: number; rounds?: number } = {},
): Promise<PanelFigures> {
  const n = opts.n ?? 10_000;
  const runs = opts.runs ?? PANEL_RUNS;
  const warmup = opts.warmup ?? 1;
  const now = Date.now();
  const records = cookieMix(n, jwts).map((c) => toRecord(c, 'synthetic.localhost', now));
  const init = `window.__benchCookies = ${JSON.stringify(records)};`;
  const results = [];
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < runs + warmup; i++) {
    const r = await onePanel(browser, pageUrl, init, opts.rounds ?? 2);
    if (i >= warmup) results.push(r);
  }
  const keys = results.flatMap((r) => r.keys);
  return {
    n,
    analysedMs: median(results.map((r) => r.analysed)),
    renderMs: median(results.map((r) => r.rows - r.analysed)),
    paintedMs: median(results.map((r) => r.painted - r.analysed)),
    drawnRows: median(results.map((r) => r.drawn)),
    keystrokeMs: median(keys),
    keystrokes: keys.length,
    load: [loadBefore, loadavg()[0]!],
  };
}

/** The BENCHMARKS.md section, under its own heading so a panel-only run can replace just this part. */
export function panelSection(p: PanelFigures, runs: number): string[] {
  return [
    '## DevTools panel: 10,000 cookies',
    '',
    "The panel's own start (`startPanel`) as a page of the bench extension (`bench/synthetic/panel.tsx`), fed " +
      `${p.n.toLocaleString('en')} synthetic cookies of the popup's mix, 1280×800. First render is timed from the ` +
      'analysis in hand to the first rows in the DOM and to the next frame painted; a keystroke, from the keydown ' +
      `event to the next frame painted with the filtered rows (typing \`${TYPED}\` into the filter and erasing it, ` +
      `key by key). Medians of ${runs} page loads after a warm-up; goals: first render ≤ 150 ms, keystroke ≤ 16 ms. ` +
      `Load average (1 min) on the ${cpus().length} cores: ${p.load[0].toFixed(1)} at the start, ` +
      `${p.load[1].toFixed(1)} at the end.`,
    '',
    '| cookies | analysis in hand (from navigation) | first render: rows / painted | rows in the DOM | filter keystroke → painted (median) |',
    '|---:|---:|---:|---:|---:|',
    `| ${p.n.toLocaleString('en')} | ${ms(p.analysedMs)} | ${ms(p.renderMs)} / ${ms(p.paintedMs)} | ${p.drawnRows} | ` +
      `${ms(p.keystrokeMs)} (${p.keystrokes} keystrokes) |`,
  ];
}
