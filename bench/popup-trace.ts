/**
 * `npm run bench:trace`: where the popup's opening time goes, against the reference popup, from browser-wide traces
 * (CDP Tracing on the browser target: the page's renderer and the browser process). Both pages are opened as in
 * `npm run bench` (extension pages in a tab: the reference at `?tabId=N`, SessionScope at the address its toolbar
 * button opens for the tab, `?tabId=N&url=U`; real site cookies) and traced one after the other; printed
 * per page, medians over the runs: milestones on the page clock (from navigation start: the renderer's commit, then
 * when the scripts the page asked for before its rows were asked for, answered and loaded) and the CPU time (thread
 * time, so it holds under load) of the renderer's main thread by phase, of the browser's main thread, and of
 * SessionScope's background worker with its API calls (a page opened in a tab wakes its badge's tab listeners).
 * `TRACE_N=10,180` (cookie counts), `TRACE_RUNS=7`. `TRACE_TOOLBAR=1` opens the real toolbar popups instead (as
 * `npm run bench` times them: from their toolbar buttons over the site's tab) and reads "rows" from the first-paint
 * marks both set and "painted" as the first contentful paint; it adds the page's load event (a toolbar popup is
 * shown once its page has loaded), when the renderer committed its first frame after the rows, and the style and
 * layout in between.
 */
import { loadavg } from 'node:os';
import { launchChromium, listedExtension } from '../test/e2e/harness/chromium';
import { POPUP_PATH } from '../test/e2e/harness/paths';
import { timeToolbarPopup } from '../test/e2e/harness/toolbar-popup';
import type { ToolbarButton } from '../test/e2e/harness/views';
import { openSiteTab, startBenchSite, tabPopupAddress } from './bench-site';
import { makeJwts } from './jwts';
import { timePage } from './page-timing';
import { installReferenceExtension } from './reference-extension';
import { median, ms } from './stats';
import { navigationCommitted, scriptLoading, type TraceEvent } from './trace-loading';

const COUNTS = (process.env.TRACE_N ?? '10,180').split(',').map(Number);
const RUNS = Number(process.env.TRACE_RUNS ?? 7);
const TOOLBAR = process.env.TRACE_TOOLBAR === '1';
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'loading',
  'blink.user_timing',
  'v8.execute',
  'extensions',
  // RenderFrameImpl::CommitNavigation: when the page's renderer had committed its navigation.
  'navigation',
  // The compositor's Commit: when the renderer handed over a frame.
  'cc',
];

/** Renderer main-thread work by phase: each event's thread time, counted once (the outermost of each name). */
const PHASES: Record<string, string[]> = {
  'HTML parse': ['ParseHTML'],
  'script compile + run': ['v8.compileModule', 'v8.compile', 'HTMLParserScriptRunner ExecuteScript'],
  'JS after the reads': ['RunMicrotasks'],
  style: ['UpdateLayoutTree'],
  layout: ['LocalFrameView::layout'],
  'paint + commit': ['LocalFrameView::RunPaintLifecyclePhase', 'Commit'],
  GC: ['MajorGC', 'MinorGC'],
};

type Figures = Record<string, number>;

/** The navigation start of the page whose address holds `page`. */
function navigationOf(events: readonly TraceEvent[], page: string): TraceEvent | undefined {
  return events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(page));
}

/**
 * The time of the complete events named in `names` among `list` (sorted by time), each counted once: an event
 * inside another of these names is left out. `time` reads an event's time (thread time or wall time).
 */
function outermostTime(list: readonly TraceEvent[], names: readonly string[], time: (e: TraceEvent) => number): number {
  let total = 0;
  let outerEnd = -1;
  for (const e of list) {
    if (e.ph !== 'X' || !names.includes(e.name) || e.ts < outerEnd) continue;
    total += time(e);
    outerEnd = e.ts + (e.dur ?? 0);
  }
  return total;
}

function figures(events: TraceEvent[], page: string, rowsMs: number, paintedMs: number): Figures | undefined {
  const nav = navigationOf(events, page);
  if (!nav) return undefined;
  const end = nav.ts + paintedMs * 1000;
  const at = (e: TraceEvent) => (e.ts - nav.ts) / 1000;
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ts >= nav.ts && e.ts <= end);
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const out: Figures = {};
  out['navigation committed'] = navigationCommitted(events, nav.pid, nav.tid, nav.ts);
  const scripts = scriptLoading(events, nav.args?.frame ?? '', nav.ts, nav.ts + rowsMs * 1000);
  out['scripts before the rows'] = scripts.scripts;
  out['last script requested'] = scripts.requested;
  out['last script answered'] = scripts.answered;
  out['last script loaded'] = scripts.loaded;
  const calls = onMain.filter((e) => e.name === 'NativeExtensionBindingsSystem::SendRequest');
  out['first API call'] = calls[0] ? at(calls[0]) : Number.NaN;
  out['API calls'] = calls.length;
  out['rows'] = rowsMs;
  out['painted'] = paintedMs;
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  out['renderer CPU'] = tasks.reduce((s, e) => s + cpu(e), 0);
  for (const [phase, names] of Object.entries(PHASES)) out[`  ${phase}`] = outermostTime(onMain, names, cpu);
  /** The events of the threads named `name` (every process) while the page opened. */
  const onThreads = (name: string) => {
    const ids = new Set(threadIds(events, name));
    return events.filter((e) => ids.has(`${e.pid}:${e.tid}`) && e.ts >= nav.ts && e.ts <= end);
  };
  const taskCpu = (list: TraceEvent[]) =>
    list.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').reduce((s, e) => s + cpu(e), 0);
  out['browser main CPU'] = taskCpu(onThreads('CrBrowserMain'));
  // SessionScope's background worker (the reference has none): opening any page in a new tab wakes its tab
  // listeners (the badge), on the same cores and through the same browser thread as the page's own reads.
  const worker = onThreads('ServiceWorker thread');
  out['worker CPU'] = taskCpu(worker);
  out['worker API calls'] = worker.filter((e) => e.name === 'NativeExtensionBindingsSystem::SendRequest').length;
  return out;
}

/** `pid:tid` of every thread the trace names `name`. */
function threadIds(events: TraceEvent[], name: string): string[] {
  return events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name)
    .map((e) => `${e.pid}:${e.tid}`);
}

/**
 * A toolbar popup's figures beyond `figures`: its load event (`loadedMs`, the page clock), when its renderer
 * committed its first frame after the rows were in the DOM, and the style and layout it did in between (the frame
 * with the rows comes only after the popup is shown and that work is done).
 */
function toolbarFigures(events: TraceEvent[], page: string, rowsMs: number, loadedMs: number): Figures | undefined {
  const nav = navigationOf(events, page);
  if (!nav) return undefined;
  const rowsTs = nav.ts + rowsMs * 1000;
  const afterRows = events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= rowsTs)
    .sort((a, b) => a.ts - b.ts);
  const commit = afterRows.find((e) => e.name === 'Commit');
  const untilCommit = commit === undefined ? [] : afterRows.filter((e) => e.ts <= commit.ts);
  return {
    'load event': loadedMs,
    'frame committed after the rows': commit === undefined ? Number.NaN : (commit.ts - rowsTs) / 1000,
    '  style + layout until then': outermostTime(
      untilCommit,
      ['UpdateLayoutTree', 'LocalFrameView::layout'],
      (e) => (e.dur ?? 0) / 1000,
    ),
  };
}

async function main(): Promise<void> {
  const jwts = await makeJwts();
  const site = await startBenchSite(jwts);
  const session = await launchChromium();
  const loadAtStart = loadavg()[0]!;
  const cdp = await session.browser.target().createCDPSession();
  try {
    const { id: refId } = await installReferenceExtension(session.browser);
    await session.openPage(`chrome-extension://${refId}/warm.html`);
    const refButton: ToolbarButton = {
      extension: await listedExtension(session.browser, refId),
      popupUrl: `chrome-extension://${refId}/ref.html`,
    };
    for (const n of COUNTS) {
      const { page: tab, tabId, url: siteUrl } = await openSiteTab(session, site, n);
      const pages = [
        {
          name: 'reference',
          page: 'ref.html',
          url: `chrome-extension://${refId}/ref.html?tabId=${tabId}`,
          row: 'li.ref-row',
          button: refButton as ToolbarButton | undefined,
        },
        {
          name: 'SessionScope',
          page: POPUP_PATH,
          url: await tabPopupAddress(session, tabId, siteUrl),
          row: '[data-testid="cookie-row"]',
          button: undefined,
        },
      ];
      const runs = new Map<string, Figures[]>(pages.map((p) => [p.name, []]));
      // One warm-up round, then the runs, each page traced on its own.
      for (let i = 0; i <= RUNS; i++) {
        for (const p of pages) {
          const events: TraceEvent[] = [];
          const collect = (e: { value: TraceEvent[] }) => events.push(...e.value);
          cdp.on('Tracing.dataCollected', collect);
          await cdp.send('Tracing.start', {
            traceConfig: { includedCategories: CATEGORIES },
            transferMode: 'ReportEvents',
          });
          const t = TOOLBAR
            ? await timeToolbarPopup(session, tab, n, p.row, p.button).then((b) => ({
                rowsMs: b.rowsMs,
                paintedMs: b.fcpMs,
                loadedMs: b.loadedMs,
              }))
            : { ...(await timePage(session.browser, p.url, n, p.row)), loadedMs: Number.NaN };
          const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
          await cdp.send('Tracing.end');
          await complete;
          cdp.off('Tracing.dataCollected', collect);
          const f = figures(events, p.page, t.rowsMs, t.paintedMs);
          const more = TOOLBAR ? toolbarFigures(events, p.page, t.rowsMs, t.loadedMs) : {};
          if (i > 0 && f && more) runs.get(p.name)!.push({ ...f, ...more });
        }
      }
      await tab.close();
      const names = Object.keys(runs.get('SessionScope')![0] ?? {});
      const cell = (p: string, k: string) => {
        const v = median(
          runs
            .get(p)!
            .map((f) => f[k]!)
            .filter(Number.isFinite),
        );
        return k.endsWith('API calls') || k.startsWith('scripts') ? String(v) : ms(v);
      };
      const how = TOOLBAR ? 'toolbar popups; "painted": first contentful paint' : 'pages in a tab';
      process.stdout.write(`\n${n} cookies, ${how}, medians of ${RUNS} traced runs each\n`);
      process.stdout.write(`| | reference | SessionScope |\n|---|---:|---:|\n`);
      for (const k of names) process.stdout.write(`| ${k} | ${cell('reference', k)} | ${cell('SessionScope', k)} |\n`);
    }
  } finally {
    await cdp.detach().catch(() => undefined);
    await session.close();
    await site.stop();
  }
  process.stdout.write(
    `\nload average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`,
  );
}

await main();
