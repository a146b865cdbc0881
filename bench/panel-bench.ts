import { cpus, loadavg } from 'node:os';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { ROW_HEIGHT } from '../src/ui/use-virtual-rows';
import { cookieMix, toRecord } from './cookie-mix';
import { median, ms } from './stats';

const ROW = '[data-testid="cookie-row"]';
/**
 * Timed page loads (after one warm-up). The keys of one page load share its state (its heap, what else the machine
 * was doing then), so the median's precision comes from the number of page loads more than from the keys: with 7,
 * the same build's median moved by about ±1 ms from run to run.
 */
export const PANEL_RUNS = 15;
/** Typed into the filter one key at a time, then erased one key at a time: 12 keystrokes a round. */
const TYPED = 'pref_1';

/**
 * One keystroke's time, taken apart on the page's clock (medians over every keystroke). The split: the key waits
 * for the page (`leadMs`), the page handles it (`handlingMs`: the input event's listeners and the render they
 * queue), the handled key waits for the next frame to start (`waitMs`), and that frame is produced (`frameMs`:
 * requestAnimationFrame callbacks, style, layout, paint, until a task can run after it).
 */
export interface KeystrokeSplit {
  /** The keydown → the next frame painted with the filtered rows. */
  keystrokeMs: number;
  leadMs: number;
  handlingMs: number;
  waitMs: number;
  frameMs: number;
  /** Handling + frame of each keystroke: the main-thread work the keystroke itself caused. */
  workMs: number;
  keystrokes: number;
}

export interface PanelFigures {
  n: number;
  /** Navigation start → the analysis in hand (cookies handed over and analysed: not the table's work). */
  analysedMs: number;
  /** The analysis in hand → first rows in the DOM → the next frame painted. */
  renderMs: number;
  paintedMs: number;
  /** Rows in the DOM after the first render (virtualised: a screenful and a margin, not n). */
  drawnRows: number;
  /** The panel's filter box. */
  keys: KeystrokeSplit;
  /**
   * The panel's keystrokes by what they did to the drawn rows: those that brought other cookies into more than half
   * of them (typing the first letters, erasing back to them) and the others (typing on narrows the list and its first
   * rows stay). A keystroke's cost follows what it redraws, so the median of all keys depends on the mix typed.
   */
  redraw: KeystrokeSplit;
  keep: KeystrokeSplit;
  /** The witness: a bare input echoing its value into one element (bench/synthetic/bare.html), timed the same way. */
  bare: KeystrokeSplit;
  /** The machine's 1-minute load average when the runs started and ended (other work competes for the cores). */
  load: [number, number];
}

/** The filtered rows as drawn, as JSON (DrawnRows): the count line and the keys of the rows in the DOM. */
const SHOWN =
  `JSON.stringify({ count: document.querySelector('[data-testid="filter-count"]')?.textContent ?? null, ` +
  `keys: [...document.querySelectorAll(${JSON.stringify(ROW)})].map((r) => r.dataset.key) })`;

interface DrawnRows {
  count: string | null;
  keys: string[];
}

/**
 * What a key did to the drawn rows, from SHOWN before and after it: how many rows it drew (`drawn`) and how many of
 * them show a cookie that was not drawn before it (`brought`: the rows the table had to fill again).
 */
export function rowsBroughtIn(before: string, after: string): { brought: number; drawn: number } {
  const was = new Set((JSON.parse(before) as DrawnRows).keys);
  const now = (JSON.parse(after) as DrawnRows).keys;
  return { brought: now.filter((k) => !was.has(k)).length, drawn: now.length };
}

/** A key that brought other cookies into more than half of the rows it drew: it redrew the table, in effect. */
export const redrewRows = (k: { brought: number; drawn: number }): boolean => k.brought * 2 > k.drawn;

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
    let key = null;
    addEventListener('keydown', (e) => { keyAt = e.timeStamp; }, true);
    // The input event's first listener (capture on the window, added before any page script) and its last (bubble
    // on the window): between them every listener of the page ran, each followed by the microtasks it queued, and
    // Preact renders in a microtask (queueMicrotask). So they time the event's processingStart → processingEnd as
    // the Event Timing API does, for every key: Event Timing reports only events that took 16 ms or more.
    addEventListener('input', (e) => {
      const k = { t0: keyAt ?? e.timeStamp, start: performance.now(), end: NaN };
      key = k;
      keyAt = null;
      // Asked for before the page's handlers run, so this is the frame's first callback: its start is the frame's.
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        // What this frame paints: checked against the settled page afterwards, so a filter that updates the rows
        // later (debounced, in a later task) cannot pass an unchanged frame off as the updated one.
        const shown = ${SHOWN};
        setTimeout(() => {
          const painted = performance.now();
          t.keys.push({ total: painted - k.t0, lead: k.start - k.t0, handling: k.end - k.start,
            wait: frameAt - k.end, frame: painted - frameAt });
          t.shown.push(shown);
        }, 0);
      });
    }, true);
    // Chromium's editor lays the page out right after the input event, to place the caret: read layout here so
    // that it is done here and counts as handling (the editor then finds nothing to do), not as wait.
    addEventListener('input', () => {
      if (!key) return;
      document.documentElement.getBoundingClientRect();
      key.end = performance.now();
    });
  })();`;
}

interface KeyTimes {
  total: number;
  lead: number;
  handling: number;
  wait: number;
  frame: number;
  /** rowsBroughtIn of the key, from the frame timed (typeRounds). */
  brought: number;
  drawn: number;
}

function split(keys: readonly KeyTimes[]): KeystrokeSplit {
  const of = (f: (k: KeyTimes) => number) => median(keys.map(f));
  return {
    keystrokeMs: of((k) => k.total),
    leadMs: of((k) => k.lead),
    handlingMs: of((k) => k.handling),
    waitMs: of((k) => k.wait),
    frameMs: of((k) => k.frame),
    workMs: of((k) => k.handling + k.frame),
    keystrokes: keys.length,
  };
}

/**
 * Where in a frame each key is sent: a person's keys arrive at any point of the 16.7 ms between two frames, so the
 * keys are spread over it, at 12 points 1.4 ms apart (the delay after a frame has started, before the key is sent;
 * the round trip that sends it adds about the same to each). Sent right after a frame starts instead, as a bench that
 * only waited for the frames to settle would, every key waits a whole frame for its update to be painted, on any page.
 *
 * Key `k` of round `round` (a round types TYPED and erases it: 12 keys) gets point `(k * PHASE_STEP + round) % 12`:
 * within a round the points are shuffled (PHASE_STEP is prime to 12), and each round moves every key on by one point,
 * so over 12 rounds each key is sent once at each point. Without the move, a round of exactly 12 keys gave each key
 * the same point in every round: the key that rewrites every drawn row always came right after a frame started
 * (the slowest point for any key) and the second Backspace, which changes almost nothing, always last.
 */
const KEY_PHASES_MS = Array.from({ length: 12 }, (_, i) => Math.round((i * 1000) / 60 / 12));
const PHASE_STEP = 5;

/** The delay after a frame starts before key `k` (0-based, within its round) of round `round` is sent, in ms. */
export function keyPhaseMs(k: number, round: number): number {
  return KEY_PHASES_MS[(k * PHASE_STEP + round) % KEY_PHASES_MS.length]!;
}

/**
 * `rounds` rounds of typing TYPED into the focused filter box and erasing it, one key at a time, each key timed
 * once its frame is painted, and that frame checked to show what the page settles on. `firstRound` numbers the
 * rounds across page loads, for the keys' points in the frame (keyPhaseMs).
 */
async function typeRounds(page: Page, rounds: number, firstRound: number): Promise<KeyTimes[]> {
  const filter = await page.waitForSelector('[data-testid="filter"]');
  await filter!.focus();
  let expected = 0;
  // What each key did to the drawn rows: its timed frame against the one before it (the page as it settled, first).
  let previous = (await page.evaluate(SHOWN)) as string;
  const rows: Array<{ brought: number; drawn: number }> = [];
  for (let r = 0; r < rounds; r++) {
    const keys = [...TYPED, ...Array.from(TYPED, () => 'Backspace')] as KeyInput[];
    for (const [k, key] of keys.entries()) {
      // A frame starts, then the key waits its point of the frame (below) before it is sent.
      const delay = keyPhaseMs(k, firstRound + r);
      await page.evaluate(`new Promise((done) => requestAnimationFrame(() => setTimeout(done, ${delay})))`);
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
      rows.push(rowsBroughtIn(previous, timed));
      previous = timed;
    }
  }
  const keys = (await page.evaluate('window.__panel.keys')) as Array<Omit<KeyTimes, 'brought' | 'drawn'>>;
  return keys.map((k, i) => ({ ...k, ...rows[i]! }));
}

/** One panel page on `n` synthetic cookies: first render, then `rounds` rounds of typing into the filter. */
async function onePanel(browser: Browser, url: string, init: string, rounds: number, firstRound: number) {
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
    await showTable(page);
    return { ...first, keys: await typeRounds(page, rounds, firstRound) };
  } finally {
    await page.close();
  }
}

const TABLE_BOX = '[data-testid="cookie-table-scroll"]';

/**
 * Scrolls the table's box into view, as someone filtering looks at the rows: opened, the panel shows the session
 * card first, and with the bench's many session cookies the table starts below the fold (about 1,700 px down). A
 * keystroke timed there would time rows no one sees, which a page could skip drawing. Checked after the scroll:
 * most of the box's rows must be on screen.
 */
async function showTable(page: Page): Promise<void> {
  const shown = (await page.evaluate(`new Promise((done) => {
    const box = document.querySelector(${JSON.stringify(TABLE_BOX)});
    box.scrollIntoView({ block: 'start' });
    requestAnimationFrame(() => {
      const r = box.getBoundingClientRect();
      done(Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / r.height);
    });
  })`)) as number;
  if (shown < 0.75) throw new Error(`the table is ${Math.round(shown * 100)} % on screen after scrolling to it`);
}

/** The witness page (bench/synthetic/bare.html), typed into as the panel's filter box is. */
async function oneBare(browser: Browser, url: string, rounds: number, firstRound: number): Promise<KeyTimes[]> {
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(timerScript());
    await page.goto(url, { waitUntil: 'load' });
    return await typeRounds(page, rounds, firstRound);
  } finally {
    await page.close();
  }
}

/**
 * The DevTools panel's code on `n` synthetic cookies (bench/synthetic/panel.tsx, a page of the bench extension):
 * medians of `runs` page loads after `warmup`, keystroke medians over every keystroke of those runs. Before each
 * panel page, the witness (bare.html, beside it in the same extension) is typed into the same way, so both share
 * the browser and the machine's load of the moment.
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
  const rounds = opts.rounds ?? 2;
  const bareUrl = new URL('bare.html', pageUrl).href;
  const now = Date.now();
  const records = cookieMix(n, jwts).map((c) => toRecord(c, 'synthetic.localhost', now));
  const init = `window.__benchCookies = ${JSON.stringify(records)};`;
  const results = [];
  const bare: KeyTimes[] = [];
  const loadBefore = loadavg()[0]!;
  for (let i = 0; i < runs + warmup; i++) {
    // Both pages get the same rounds' points, so the witness is typed at the points the panel is.
    const b = await oneBare(browser, bareUrl, rounds, i * rounds);
    const r = await onePanel(browser, pageUrl, init, rounds, i * rounds);
    if (i < warmup) continue;
    bare.push(...b);
    results.push(r);
  }
  return {
    n,
    analysedMs: median(results.map((r) => r.analysed)),
    renderMs: median(results.map((r) => r.rows - r.analysed)),
    paintedMs: median(results.map((r) => r.painted - r.analysed)),
    drawnRows: median(results.map((r) => r.drawn)),
    keys: split(results.flatMap((r) => r.keys)),
    redraw: split(results.flatMap((r) => r.keys.filter(redrewRows))),
    keep: split(results.flatMap((r) => r.keys.filter((k) => !redrewRows(k)))),
    bare: split(bare),
    load: [loadBefore, loadavg()[0]!],
  };
}

function splitRow(label: string, k: KeystrokeSplit): string {
  return (
    `| ${label} | ${ms(k.keystrokeMs)} | ${ms(k.leadMs)} | ${ms(k.handlingMs)} | ${ms(k.waitMs)} | ` +
    `${ms(k.frameMs)} | ${ms(k.workMs)} | ${k.keystrokes} |`
  );
}

/** The BENCHMARKS.md section, under its own heading so a panel-only run can replace just this part. */
export function panelSection(p: PanelFigures, runs: number): string[] {
  return [
    '## DevTools panel: 10,000 cookies',
    '',
    "The panel's own start (`startPanel`) as a page of the bench extension (`bench/synthetic/panel.tsx`), fed " +
      `${p.n.toLocaleString('en')} synthetic cookies of the popup's mix, 1280×800. First render is timed from the ` +
      'analysis in hand to the first rows in the DOM and to the next frame painted; a keystroke, from the keydown ' +
      `event to the next frame painted with the filtered rows (the table scrolled into view, typing \`${TYPED}\` ` +
      `into the filter and erasing it, key by key). Medians of ${runs} page loads after a warm-up; goals: first render ≤ 150 ms, keystroke ≤ 16 ms. ` +
      `Load average (1 min) on the ${cpus().length} cores: ${p.load[0].toFixed(1)} at the start, ` +
      `${p.load[1].toFixed(1)} at the end.`,
    '',
    '| cookies | analysis in hand (from navigation) | first render: rows / painted | rows in the DOM | filter keystroke → painted (median) |',
    '|---:|---:|---:|---:|---:|',
    `| ${p.n.toLocaleString('en')} | ${ms(p.analysedMs)} | ${ms(p.renderMs)} / ${ms(p.paintedMs)} | ${p.drawnRows} | ` +
      `${ms(p.keys.keystrokeMs)} (${p.keys.keystrokes} keystrokes) |`,
    '',
    "Where a keystroke goes, on the page's clock, beside the witness: a bare input whose handler writes its value " +
      'into one element (`bench/synthetic/bare.html`), typed into the same way in the same browser before each ' +
      "panel page. *Key → handling*: keydown to the input event's first listener (the key waiting for the page). " +
      "*Handling*: the input event's first listener to its last, with the render it queues (a microtask) and the " +
      "style and layout Chromium's editor does after it (the last listener reads layout to time them). " +
      '*Wait*: the key handled, to the start of the next frame (its first requestAnimationFrame callback). ' +
      '*Frame*: that callback to a task run after the frame is painted (animation-frame callbacks, style, layout, ' +
      "paint). *Work*: handling + frame, the main-thread time the keystroke caused. Each column's median is taken " +
      'on its own, so they do not add up. Keys are sent at 12 points spread over a frame (0 to 15 ms after a ' +
      'frame starts, in a shuffled order that moves on by one point each round, so that each key is sent at every ' +
      "point), as a person's keys arrive at any point of one: a key sent just after a frame starts waits a whole " +
      'frame for its update to be painted, on any page (the witness then measures about ' +
      "16 ms), one sent late in a frame hardly waits. The witness's keydown → painted is the floor a page has here; " +
      "the panel's keystroke costs more than the floor by about its frame less the witness's, while its handling " +
      'fits in the wait.',
    '',
    '| page | keydown → painted | key → handling | handling | wait | frame | work (handling + frame) | keystrokes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    splitRow("the panel's filter box", p.keys),
    splitRow('bare input (witness)', p.bare),
    '',
    "The panel's keystrokes by what they did to the drawn rows: a key that brought other cookies into more than half " +
      'of them (typing the first letters, and erasing back to them) fills the table again; typing on narrows the ' +
      'list and its first rows stay. The median of all keys lies between the two, so it depends on what is typed.',
    '',
    '| keys | keydown → painted | work (handling + frame) | keystrokes |',
    '|---|---:|---:|---:|',
    `| more than half of the drawn rows brought in | ${ms(p.redraw.keystrokeMs)} | ${ms(p.redraw.workMs)} | ${p.redraw.keystrokes} |`,
    `| the others | ${ms(p.keep.keystrokeMs)} | ${ms(p.keep.workMs)} | ${p.keep.keystrokes} |`,
  ];
}
