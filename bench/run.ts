/**
 * `npm run bench`: SessionScope's speed and memory in real Chromium, against the floors PERF.md names, printed and
 * written to BENCHMARKS.md. `BENCH_ONLY=popup npm run bench` runs the popup part alone and rewrites only the popup
 * and bundle-size sections. Medians of BENCH_RUNS runs (default 15) after 2 warm-up runs; one machine, one run:
 * compare ratios, not absolute times.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';
import { launchChromium, listedExtension, type ChromiumSession } from '../test/e2e/harness/chromium';
import { CHROMIUM_PATH, distDir } from '../test/e2e/harness/paths';
import { timeToolbarPopup, type ToolbarTiming } from '../test/e2e/harness/toolbar-popup';
import { seededRandom } from '../test/fakes/hostile-values';
import { cookieMix, toRecord } from './cookie-mix';
import { openSiteTab, startBenchSite, tabPopupAddress, type BenchSite } from './bench-site';
import { entrySizes, distOf } from './bundle-size';
import { timePage, type Timing } from './page-timing';
import { installReferenceExtension } from './reference-extension';
import { rowHeightMismatches } from './row-heights';
import { installStaticCopy } from './static-first-paint';
import { COLD_SETTLE_MS, stopWorkersForGood } from './stopped-workers';
import { median, medianAndInterval, ms, pairedDifferences, pairedRatios, ratio, kb, signed } from './stats';
import { coreBenchmarks, type CoreFigures } from './core-bench';
import { hostileBenchmarks } from './hostile-bench';
import { stormBenchmarks } from './storm-bench';
import { backgroundBenchmarks } from './background-bench';
import { cliBenchmarks } from './cli-bench';
import { makeJwts } from './jwts';
import { panelJarBenchmarks, panelJarSection } from './panel-jar';
import { panelBenchmarks, panelSection, PANEL_RUNS, type PanelFigures } from './panel-bench';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/**
 * The toolbar popups are opened twice as often: their ratio is the one the aim is read from, and a median ratio of
 * 15 openings moved by ±0.15 from run to run on this machine.
 */
const TOOLBAR_RUNS = Number(process.env.BENCH_TOOLBAR_RUNS ?? 2 * RUNS);
/** `BENCH_ONLY=popup`: only the popup timings and the bundle sizes, spliced into the BENCHMARKS.md there is. */
const ONLY_POPUP = process.env.BENCH_ONLY === 'popup';
const WARMUP = 2;
const ROW = '[data-testid="cookie-row"]';
const REF_ROW = 'li.ref-row';

/**
 * Cookies of other sites in the jar for the popup's third real-site row: PERF.md's full jar, about 3,000 cookies
 * over many sites, as a profile in use holds them (bench-site.ts's otherSitesCookies).
 */
const FULL_JAR = 3000;

interface PopupFigures {
  n: number;
  source: 'real site' | 'synthetic';
  /** Cookies of other sites in the jar beside the site's (real site only; FULL_JAR in the full-jar row). */
  others: number;
  bareGetAllMs: number;
  reference: Timing;
  sessionscope: Timing;
  /** Each SessionScope page's painted time over the reference's opened in the same round (in a tab). */
  ratios: number[];
  /**
   * Real site only: the real toolbar popups' phases (medians, ms; toolbar-popup.ts), each SessionScope popup's
   * paint over the reference's opened in the same round, and per phase the median paired difference.
   */
  toolbar?: ToolbarFigures;
  /**
   * Real site only: SessionScope's first paint for the site as static HTML, no script (bench/static-first-paint.ts),
   * opened from its toolbar button in the same rounds: its first contentful paint (median) and its paired ratios to
   * the reference's.
   */
  staticFloor?: { fcpMs: number; ratios: number[] };
  /**
   * The same openings with SessionScope's worker stopped before each (coldToolbar): the state a popup meets once the
   * worker has been idle for 30 s.
   */
  coldToolbar?: ToolbarFigures & {
    /** SessionScope's openings whose first paint decoded first (the background's hint not found), of all. */
    decodedFirst: number;
    openings: number;
  };
}

function medianTiming(list: Timing[]): Timing {
  const names = new Set(list.flatMap((t) => Object.keys(t.marks)));
  return {
    rowsMs: median(list.map((t) => t.rowsMs)),
    paintedMs: median(list.map((t) => t.paintedMs)),
    heapBytes: median(list.map((t) => t.heapBytes)),
    // A mark set after the rows painted (the analysis) is missing from runs whose timing ended first.
    marks: Object.fromEntries(
      [...names].map((n) => [n, median(list.map((t) => t.marks[n] ?? Number.NaN).filter(Number.isFinite))]),
    ),
  };
}

/** In a tab: each SessionScope page's painted time over the reference's opened just before it. */
function paintedRatios(reference: readonly Timing[], sessionscope: readonly Timing[]): number[] {
  return pairedRatios(
    reference.map((t) => t.paintedMs),
    sessionscope.map((t) => t.paintedMs),
  );
}

/** A popup row's cookie count, with the other sites' cookies in the jar when there are any: "10 (+3,000 others)". */
function cookiesLabel(p: PopupFigures): string {
  return p.others > 0 ? `${p.n} (+${p.others.toLocaleString('en')} others)` : String(p.n);
}

/** Where the synthetic popup's time goes, from the marks bench/synthetic/popup.ts and popup-app.tsx set. */
function phases(p: PopupFigures): string {
  const m = p.sessionscope.marks;
  const at = (name: string) => m[name] ?? Number.NaN;
  return (
    `| ${p.n} | ${ms(at('modules'))} | ${ms(at('cookies'))} | ${ms(at('rows') - at('cookies'))} | ` +
    `${ms(p.sessionscope.rowsMs - at('rows'))} | ${ms(p.sessionscope.paintedMs - p.sessionscope.rowsMs)} | ` +
    `${ms(at('app'))} | ${ms(at('analysed'))} |`
  );
}

/** A toolbar opening's phases: its times but the decoders' mark. */
type ToolbarPhases = Omit<ToolbarTiming, 'decodersMs'>;

/**
 * Real-site toolbar popups: each page's median phases (ms; toolbar-popup.ts), each SessionScope popup's paint over
 * the reference's opened in the same round, and per phase the median paired difference.
 */
interface ToolbarFigures {
  reference: ToolbarPhases;
  sessionscope: ToolbarPhases;
  ratios: number[];
  deltas: ToolbarPhases;
}

/** The phases of a toolbar opening, in the order they come, as the phase table names them. */
const TOOLBAR_PHASES: ReadonlyArray<[keyof ToolbarPhases, string]> = [
  ['scriptMs', 'script started'],
  ['cookiesMs', 'cookies in hand'],
  ['rowsMs', 'rows in the DOM'],
  ['loadedMs', 'page loaded'],
  ['shownMs', 'page shown'],
  ['fcpMs', 'first contentful paint'],
];

/** A value for each phase of a toolbar opening, worked out by `of`. */
function perPhase(of: (key: keyof ToolbarPhases) => number): ToolbarPhases {
  return {
    scriptMs: of('scriptMs'),
    cookiesMs: of('cookiesMs'),
    rowsMs: of('rowsMs'),
    loadedMs: of('loadedMs'),
    shownMs: of('shownMs'),
    fcpMs: of('fcpMs'),
  };
}

function medianToolbar(list: readonly ToolbarTiming[]): ToolbarPhases {
  return perPhase((key) => median(list.map((t) => t[key])));
}

/** Per phase, the median of SessionScope's opening less the reference's opened just before it. */
function toolbarDeltas(reference: readonly ToolbarTiming[], sessionscope: readonly ToolbarTiming[]): ToolbarPhases {
  return perPhase((key) =>
    median(
      pairedDifferences(
        reference.map((t) => t[key]),
        sessionscope.map((t) => t[key]),
      ),
    ),
  );
}

/** The figures of the toolbar openings side by side, the reference's and SessionScope's. */
function toolbarFigures(reference: readonly ToolbarTiming[], sessionscope: readonly ToolbarTiming[]): ToolbarFigures {
  return {
    reference: medianToolbar(reference),
    sessionscope: medianToolbar(sessionscope),
    ratios: pairedRatios(
      reference.map((t) => t.fcpMs),
      sessionscope.map((t) => t.fcpMs),
    ),
    deltas: toolbarDeltas(reference, sessionscope),
  };
}

/** Times the pages one after the other, round after round, so drift in the machine's load hits them alike. */
async function alternateAll<T>(open: ReadonlyArray<() => Promise<T>>, runs = RUNS): Promise<T[][]> {
  const times = open.map((): T[] => []);
  for (let i = 0; i < runs + WARMUP; i++) {
    for (const [k, o] of open.entries()) {
      const t = await o();
      if (i >= WARMUP) times[k]!.push(t);
    }
  }
  return times;
}

/** Times both pages alternately; the runs after the warm-ups. */
async function alternate<T>(a: () => Promise<T>, b: () => Promise<T>, runs = RUNS): Promise<[T[], T[]]> {
  const [as, bs] = await alternateAll([a, b], runs);
  return [as!, bs!];
}

async function realSite(
  session: ChromiumSession,
  site: BenchSite,
  refId: string,
  n: number,
  others = 0,
): Promise<PopupFigures> {
  const { url, page, tabId } = await openSiteTab(session, site, n, others);
  const counts = await session.control.evaluate(async (u: string) => {
    type CookiesApi = { cookies: { getAll(details: { url: string }): Promise<unknown[]> } };
    const api = (globalThis as unknown as { chrome: CookiesApi }).chrome;
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      count = (await api.cookies.getAll({ url: u })).length;
      times.push(performance.now() - t0);
    }
    return { times, count };
  }, url);
  if (counts.count !== n) throw new Error(`the site holds ${counts.count} cookies, expected ${n}`);
  const popup = await tabPopupAddress(session, tabId, url);
  const [reference, sessionscope] = await alternate(
    () => timePage(session.browser, `chrome-extension://${refId}/ref.html?tabId=${tabId}`, n, REF_ROW),
    () => timePage(session.browser, popup, n, ROW),
  );
  // The same site's tab, the popups opened from the toolbar (the reference without `?tabId`: the active tab).
  const refButton = {
    extension: await listedExtension(session.browser, refId),
    popupUrl: `chrome-extension://${refId}/ref.html`,
  };
  // With SessionScope's worker running before each opening, the reference's too, as it runs for 30 s after any cookie
  // change or tab event: a ping starts it if it had stopped (its popup starts none: src/platform/edit-state.ts).
  // Beside them, SessionScope's first paint for this site as static HTML (bench/static-first-paint.ts): the floor
  // that what the popup shows, and its extension, set for any code (its worker pinged as SessionScope's is).
  const floor = await installStaticCopy(session, distDir('chrome'), popup);
  const warm = async (open: () => Promise<ToolbarTiming>) => {
    await session.ping();
    await floor.ping();
    return open();
  };
  const [toolbarRef, toolbarOurs, toolbarFloor] = await alternateAll(
    [
      () => warm(() => timeToolbarPopup(session, page, n, REF_ROW, refButton)),
      () => warm(() => timeToolbarPopup(session, page, n, ROW)),
      () => warm(() => timeToolbarPopup(session, page, n, ROW, floor.button)),
    ],
    TOOLBAR_RUNS,
  );
  await floor.remove();
  // Again with SessionScope's worker stopped before each opening, the reference's too: the state an opening meets
  // after 30 s without a cookie change or a tab event.
  const cold = async (open: () => Promise<ToolbarTiming>) => {
    await stopWorkersForGood(session);
    return open();
  };
  const [coldRef, coldOurs] = await alternate(
    () => cold(() => timeToolbarPopup(session, page, n, REF_ROW, refButton)),
    () => cold(() => timeToolbarPopup(session, page, n, ROW)),
    TOOLBAR_RUNS,
  );
  await page.close();
  return {
    n,
    source: 'real site',
    others,
    bareGetAllMs: median(counts.times),
    reference: medianTiming(reference),
    sessionscope: medianTiming(sessionscope),
    ratios: paintedRatios(reference, sessionscope),
    toolbar: toolbarFigures(toolbarRef!, toolbarOurs!),
    staticFloor: {
      fcpMs: median(toolbarFloor!.map((t) => t.fcpMs)),
      ratios: pairedRatios(
        toolbarRef!.map((t) => t.fcpMs),
        toolbarFloor!.map((t) => t.fcpMs),
      ),
    },
    coldToolbar: {
      ...toolbarFigures(coldRef, coldOurs),
      decodedFirst: coldOurs.filter((t) => Number.isFinite(t.decodersMs)).length,
      openings: coldOurs.length,
    },
  };
}

async function synthetic(session: ChromiumSession, benchId: string, jwts: string[], n: number): Promise<PopupFigures> {
  const now = Date.now();
  const records = cookieMix(n, jwts).map((c) => toRecord(c, 'synthetic.localhost', now));
  const init = `window.__benchCookies = ${JSON.stringify(records)};`;
  const inject = async (page: Page) => {
    await page.evaluateOnNewDocument(init);
  };
  const page = (name: string) => `chrome-extension://${benchId}/${name}.html`;
  const mismatches = await rowHeightMismatches(session.browser, page('popup'), n, init);
  if (mismatches.length > 0) {
    throw new Error(
      `rows change height when scrolled into view (fix contain-intrinsic-height):\n${mismatches.join('\n')}`,
    );
  }
  const [reference, sessionscope] = await alternate(
    () => timePage(session.browser, page('reference'), n, REF_ROW, inject),
    () => timePage(session.browser, page('popup'), n, ROW, inject, ['app', 'analysed']),
  );
  return {
    n,
    source: 'synthetic',
    others: 0,
    bareGetAllMs: Number.NaN,
    reference: medianTiming(reference),
    sessionscope: medianTiming(sessionscope),
    ratios: paintedRatios(reference, sessionscope),
  };
}

/** A toolbar table's first cells: the cookies, both first contentful paints, their ratio and the paired ratio. */
function paintCells(p: PopupFigures, f: ToolbarFigures): string {
  return (
    `| ${cookiesLabel(p)} | ${ms(f.reference.fcpMs)} | ${ms(f.sessionscope.fcpMs)} | ` +
    `${ratio(f.sessionscope.fcpMs, f.reference.fcpMs)} | ` +
    `${timesInterval(f.ratios, p.n + p.others)}`
  );
}

/** The median of paired ratios with its bootstrap 90 % interval, "1.24× [1.20×, 1.30×]" (`seed`: the row's). */
function timesInterval(ratios: readonly number[], seed: number): string {
  return medianAndInterval(ratios, seededRandom(seed), (r) => `${r.toFixed(2)}×`);
}

function popupSection(popup: PopupFigures[]): string[] {
  return [
    '## Popup: open → rows painted',
    '',
    'Both popups are opened as extension pages in a tab (the inspected site in another tab) and timed on the',
    "page's own clock: from navigation start to the expected rows in the DOM, then to the next frame painted. The",
    'reference is opened at `?tabId=N`; SessionScope at the address its toolbar button opens for that tab',
    "(`action.getPopup`: `?tabId=N&url=U`, the page its background last saw there, so the popup asks for that page's",
    'cookies beside the tab instead of after it, and shows them once the tab is found on that page).',
    'The reference is the ten-line popup PERF.md describes (active tab, one `cookies.getAll({url})`, one `<li>` per',
    'cookie). Real-site rows use a cookie mix with JWTs, session names and every SameSite value; Chromium keeps at',
    'most 180 cookies per site, so 1,000 rows are synthetic: the same popup code and the same reference list fed the',
    'same injected cookies, as pages of a second extension with no permissions (no cookies API, no tab look-up).',
    'Every extension involved has another of its pages open in a background tab throughout, so each timed page',
    'opens in an already running extension process (without that, the first page of an extension waits ~100 ms',
    "for a new renderer, which SessionScope's own open pages would have spared it alone). The toolbar popups",
    'themselves are timed in the second table below. The JS heap is measured after the rows painted and a forced',
    "garbage collection; pages of one extension share a renderer, so it includes that extension's other open",
    "pages (for SessionScope, the harness's control page: the popup in its 'no tab' state). SessionScope's popup",
    'page loads one script, the module that paints the rows, whose first lines start the tab and cookie reads; the',
    'synthetic popup reads nothing. "Ratio" is that of the medians; "paired" is the median of the ratios of the',
    "openings side by side (SessionScope's page over the reference's opened just before it), with its bootstrap 90 %",
    `interval. The row "10 (+${FULL_JAR.toLocaleString('en')} others)" is the same site with ` +
      `${FULL_JAR.toLocaleString('en')} cookies of other sites in the jar`,
    "beside its own, as a profile in use holds them (PERF.md's full jar; bench/bench-site.ts): a popup that reads its",
    "site's cookies in a way that goes through the whole jar is slow there and not in the rows above.",
    '',
    '| cookies | source | bare `getAll` | reference: rows / painted | SessionScope: rows / painted | ratio (painted) | paired [90 % interval] | SessionScope JS heap |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...popup.map(
      (p) =>
        `| ${cookiesLabel(p)} | ${p.source} | ${ms(p.bareGetAllMs)} | ` +
        `${ms(p.reference.rowsMs)} / ${ms(p.reference.paintedMs)} | ` +
        `${ms(p.sessionscope.rowsMs)} / ${ms(p.sessionscope.paintedMs)} | ` +
        `${ratio(p.sessionscope.paintedMs, p.reference.paintedMs)} | ${timesInterval(p.ratios, p.n + p.others + 2)} | ` +
        `${kb(p.sessionscope.heapBytes)} |`,
    ),
    '',
    'The real toolbar popups, opened from the toolbar button (`triggerExtensionAction`) over the same real site in',
    "the active tab, one after the other as above, timed by the browser's own first contentful paint on the",
    "popup's clock (from its navigation start; test/e2e/harness/toolbar-popup.ts). No timer can be put into a",
    "toolbar popup before its scripts run, and neither popup paints text before its rows (the reference's list is",
    "empty until they are in; SessionScope's first paint puts its header and rows in at once), so that paint is the",
    'frame with the rows. It comes later than "painted" above: it is when that frame was shown, and a toolbar popup',
    'is shown after its page has loaded and been sized (in one trace of each at 10 cookies, 45 to 60 ms',
    'after the frame with the rows was produced; about 30 ms for a page in a tab). SessionScope loads the rest of',
    'its popup only once that paint is reported (src/popup/take-over.ts): loaded as soon as the frame was produced,',
    'it held up the popup being shown. Headless Chromium draws no toolbar, so no extension is pinned; the clock',
    "starts when the popup page starts loading, after any toolbar animation. Before each opening, the reference's",
    "too, the harness pings SessionScope's background, so that its worker is running, as it is for 30 s after any",
    'cookie change or tab event (the popup itself starts no stopped worker: it reads what it needs from the browser',
    'and from storage); the third table below times the openings with the worker stopped.',
    `Each popup is opened ${TOOLBAR_RUNS} times after ${WARMUP} warm-ups, twice as often as in a tab. "Ratio" is`,
    'that of the medians; "paired" is the median of the ratios of the openings side by side (SessionScope\'s',
    "opening over the reference's opened just before it), with its bootstrap 90 % interval: an aim of 1.2×",
    'inside the interval is neither met nor missed beyond the noise of the run. "First paint as static HTML" is',
    "SessionScope's first paint for the same site, captured from a real opening and written as static HTML into a",
    'copy of the extension with no script (bench/static-first-paint.ts), opened from its own toolbar button in the',
    'same rounds, its worker pinged too: the floor that what the popup shows, and its extension, set for any code.',
    '',
    '| cookies | reference: first contentful paint | SessionScope: first contentful paint | ratio | paired [90 % interval] | first paint as static HTML | its paired ratio [90 % interval] |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...popup.flatMap((p) =>
      p.toolbar === undefined || p.staticFloor === undefined
        ? []
        : [
            `${paintCells(p, p.toolbar)} | ${ms(p.staticFloor.fcpMs)} | ` +
              `${timesInterval(p.staticFloor.ratios, p.n + p.others + 1)} |`,
          ],
    ),
    '',
    "Where the toolbar popups' time goes, from the same openings, on each popup's own clock (medians, ms from its",
    'navigation start; Δ: the median of the differences of the openings side by side). Both pages set the same',
    "marks at the same points (src/popup/first-paint-marks.ts; the reference's are in",
    'bench/reference-extension.ts): its script started, the cookies in hand, the rows in the DOM; then the start',
    "of the page's load event (a toolbar popup is shown only once its page has loaded), when the page was shown",
    '(made visible: once it has loaded and its thread is free, after the work it is doing then) and the first',
    'contentful paint, the frame that shows the rows.',
    '',
    '| cookies | phase | reference | SessionScope | Δ |',
    '|---:|---|---:|---:|---:|',
    ...popup.flatMap((p) => {
      const t = p.toolbar;
      if (t === undefined) return [];
      return TOOLBAR_PHASES.map(
        ([key, name]) =>
          `| ${cookiesLabel(p)} | ${name} | ${ms(t.reference[key])} | ${ms(t.sessionscope[key])} | ` +
          // A phase a page did not mark has no difference (NaN), written as ms() writes it.
          `${Number.isFinite(t.deltas[key]) ? `${signed(t.deltas[key])} ms` : ms(t.deltas[key])} |`,
      );
    }),
    '',
    "The same toolbar openings with SessionScope's worker stopped before each (`ServiceWorker.stopAllWorkers`, until",
    `none has run for ${COLD_SETTLE_MS} ms), the reference's too: the state a popup meets once the worker has been idle for`,
    '30 s. Nothing the popup does goes through the worker as it opens (it reads the tab, its cookies and the',
    "background's hint from the browser, its undo state and guard settings from storage: src/platform/edit-state.ts),",
    'and the worker does not listen for the window gaining focus, which every toolbar opening fires',
    '(docs/popup-speed.md, sixth session).',
    '"Decoded first": SessionScope\'s openings that did not find the background\'s hint and loaded the decoders',
    'before their rows.',
    '',
    '| cookies | reference: first contentful paint | SessionScope: first contentful paint | ratio | paired [90 % interval] | Δ script started | Δ page shown | decoded first |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...popup.flatMap((p) => {
      const c = p.coldToolbar;
      if (c === undefined) return [];
      return [
        `${paintCells(p, c)} | ${signed(c.deltas.scriptMs)} ms | ${signed(c.deltas.shownMs)} ms | ${c.decodedFirst} of ${c.openings} |`,
      ];
    }),
    '',
    'Where the synthetic popup spends its time (medians of the same runs; marks set by',
    '`bench/synthetic/popup.ts` and `popup-app.tsx`, all on the page clock from navigation start). The rows are',
    'painted as plain DOM by the first-paint script (src/popup/first-paint.ts); once that frame is on screen (the',
    "browser's first contentful paint), the popup proper (Preact) loads and takes them over, then the analysis",
    '(findings, grade, badges) follows in a chunk of its own. Those two later marks land after the rows painted: each',
    'page is kept open for them (up to 5 s, after its rows and heap were measured), and a run whose mark never came',
    'is left out of that column:',
    '',
    '| cookies | first-paint script evaluated | cookies in hand | rows worked out (decode, session) | rows in the DOM (after that) | rows → painted | popup took over | analysis in (findings, grade) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...popup.filter((p) => p.source === 'synthetic').map(phases),
    '',
  ];
}

function bundleSection(sizes: ReturnType<typeof entrySizes>): string[] {
  return [
    '## Bundle size (gzip, dist/chrome)',
    '',
    '| entry | loaded before first paint | loaded later (dynamic imports) |',
    '|---|---:|---:|',
    ...sizes.map((s) => `| ${s.entry} | ${kb(s.initialGzip)} | ${kb(s.lazyGzip)} |`),
    '',
  ];
}

/** Replaces the sections of `old` whose headings `fresh` has, keeping every other section as it was. */
function splice(old: string, fresh: string): string {
  const sections = (text: string) => text.split(/^(?=## )/m);
  const byHeading = new Map(sections(fresh).map((s) => [s.split('\n', 1)[0], s]));
  return sections(old)
    .map((s) => byHeading.get(s.split('\n', 1)[0]) ?? s)
    .join('');
}

function report(
  popup: PopupFigures[],
  panel: PanelFigures,
  panelJar: string[],
  storm: string[],
  background: string[],
  core: CoreFigures,
  hostile: string[],
  cli: string[],
  sizes: ReturnType<typeof entrySizes>,
): string {
  const chromium = execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${chromium}, headless, ` +
      `${cpus().length} cores, Node ${process.version}; medians of ${RUNS} runs (the toolbar popups, ` +
      `${TOOLBAR_RUNS}) after ${WARMUP} warm-ups. One noisy machine: read the ratios, not the absolute times.`,
    '',
    ...popupSection(popup),
    ...panelSection(panel, PANEL_RUNS),
    '',
    ...panelJar,
    '',
    '## Background: change-storm capture ratio',
    '',
    ...storm,
    '',
    '## Background: CPU per cookie change, per badge recount, and under a rotating-cookie site',
    '',
    ...background,
    '',
    '## Core (Node, same machine)',
    '',
    ...core.lines,
    '',
    '## Hostile values (Node, same machine)',
    '',
    'The generators of test/fakes/hostile-values.ts (runs of every cookie-octet, alternations, near-matches of ' +
      'every format, hostile data in real envelopes); the goal is ≤ 3× random.',
    '',
    ...hostile,
    '',
    '## Command line: `sessionscope audit` against a bare launch-visit-read-close script',
    '',
    ...cli,
    '',
    ...bundleSection(sizes),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const loadAtStart = loadavg()[0]!;
  await build({ configFile: resolve(root, 'bench/vite.config.ts'), logLevel: 'warn' });
  const jwts = await makeJwts();
  const site = await startBenchSite(jwts);
  const session = await launchChromium();
  const popup: PopupFigures[] = [];
  let panel: PanelFigures;
  try {
    const { id: refId } = await installReferenceExtension(session.browser);
    const benchId = await session.browser.installExtension(resolve(root, 'dist', 'bench'));
    // A page opened in an extension with none open waits for a new renderer process (~100 ms here). The harness's
    // control page keeps SessionScope's process running, so keep one page of each other extension open too.
    await session.openPage(`chrome-extension://${refId}/warm.html`);
    await session.openPage(`chrome-extension://${benchId}/reference.html`);
    for (const n of [10, 180]) {
      popup.push(await realSite(session, site, refId, n));
      process.stdout.write(`popup, ${n} cookies (real site): done\n`);
    }
    popup.push(await realSite(session, site, refId, 10, FULL_JAR));
    process.stdout.write(`popup, 10 cookies (real site, ${FULL_JAR} cookies of other sites in the jar): done\n`);
    for (const n of [180, 1000]) {
      popup.push(await synthetic(session, benchId, jwts, n));
      process.stdout.write(`popup, ${n} cookies (synthetic): done\n`);
    }
    panel = await panelBenchmarks(session.browser, `chrome-extension://${benchId}/panel.html`, jwts);
    process.stdout.write('panel, 10,000 cookies (synthetic): done\n');
  } finally {
    await session.close();
    await site.stop();
  }
  const out = resolve(root, 'BENCHMARKS.md');
  const write = async (text: string) => {
    // Formatted as `npx prettier --check .` expects, so a fresh run can be committed as it is.
    writeFileSync(out, await format(text, { ...(await resolveConfig(out)), filepath: out }));
    process.stdout.write(`\n${text}\n`);
  };
  if (ONLY_POPUP) {
    const note = [
      `This section: \`BENCH_ONLY=popup npm run bench\` on ${new Date().toISOString().slice(0, 10)}, ` +
        `medians of ${RUNS} runs (the toolbar popups, ${TOOLBAR_RUNS}) after ${WARMUP} warm-ups, load average ` +
        `(1 min) on the ${cpus().length} cores ${loadAtStart.toFixed(1)} at the start and ` +
        `${loadavg()[0]!.toFixed(1)} at the end; the other sections are from the full run dated above.`,
      '',
    ];
    const fresh = [...popupSection(popup), ...note, '', ...bundleSection(entrySizes(distOf('chrome'))), ...note];
    await write(splice(readFileSync(out, 'utf8'), fresh.join('\n')));
    return;
  }
  const panelJar = panelJarSection(await panelJarBenchmarks());
  process.stdout.write('panel, third parties with a full jar: done\n');
  const storm = await stormBenchmarks();
  process.stdout.write('change storms: done\n');
  const background = await backgroundBenchmarks();
  process.stdout.write('background CPU: done\n');
  const core = await coreBenchmarks(jwts);
  const hostile = await hostileBenchmarks();
  const cli = await cliBenchmarks();
  process.stdout.write('command line: done\n');
  await write(
    report(popup, panel, panelJar, storm, background, core, hostile.lines, cli.lines, entrySizes(distOf('chrome'))),
  );
}

await main();
