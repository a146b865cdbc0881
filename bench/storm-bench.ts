import { loadavg } from 'node:os';
import { launchChromium } from '../test/e2e/harness/chromium';
import { measureStorm, type Capture } from '../test/e2e/harness/storm';
import { startSite } from '../test/e2e/site/test-site';
import { median } from './stats';
import { recordWorkerStarts } from './worker-starts';

const STORMS = Number(process.env.BENCH_STORMS ?? 3);
const CHANGES = 4_000;
const STOPS = 5;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const startMs = (starts: readonly number[]) =>
  starts.length === 0 ? 'none' : `${Math.round(median(starts))} ms (${starts.length})`;
const cap = (c: Capture) =>
  `${c.logged.toLocaleString('en')} (${pct(c.captureRatio)}), ${c.duplicates} dup., ${c.inOrder ? 'in order' : 'out of order'}`;

/**
 * The change-storm capture ratio (test/e2e/harness/storm.ts): a page sets and deletes cookies as fast as it can
 * while every extension worker is stopped several times; SessionScope's log against a witness extension that
 * stores each event at once, the floor Chromium allows. In its own browser, so the popup figures are not
 * disturbed by the workers' restarts.
 */
export async function stormBenchmarks(): Promise<string[]> {
  const site = await startSite('storm.sessionscope.localhost');
  // BENCH_STORM_EXTENSION: another build's dist/chrome, to compare before and after a change.
  const dir = process.env.BENCH_STORM_EXTENSION;
  const session = await launchChromium(dir ? { extensionDir: dir } : {});
  const rows: string[] = [];
  const ours: number[] = [];
  const floor: number[] = [];
  const oursStarts: number[] = [];
  const floorStarts: number[] = [];
  try {
    await session.openPage(site.url('/blank'));
    for (let i = 1; i <= STORMS; i++) {
      // The machine's load decides much of a storm's outcome (both workers queue behind other processes).
      const load = loadavg()[0]!.toFixed(1);
      const recorder = await recordWorkerStarts(session.control, { [session.extensionId]: 'sessionScope' });
      const r = await measureStorm(session, site, { changes: CHANGES, stops: STOPS });
      const starts = recorder.starts();
      await recorder.stop();
      const mine = starts.get('sessionScope') ?? [];
      const theirs = starts.get(r.witnessId) ?? [];
      oursStarts.push(...mine);
      floorStarts.push(...theirs);
      ours.push(r.sessionScope.captureRatio);
      floor.push(r.witness.captureRatio);
      rows.push(
        `| ${i} | ${r.sessionScope.made.toLocaleString('en')} | ${cap(r.sessionScope)} | ${cap(r.witness)} | ` +
          `${r.stopsDuringStorm} of ${STOPS} | ${startMs(mine)} | ${startMs(theirs)} | ` +
          `${(r.stormMs / 1000).toFixed(1)} s | ${load} |`,
      );
    }
  } finally {
    await session.close();
    await site.stop();
  }
  return [
    `A page on a local site sets then deletes ${(CHANGES / 2).toLocaleString('en')} cookies (${CHANGES.toLocaleString('en')}`,
    `changes, 4 per task every 2 ms) while every extension worker is stopped ${STOPS} times`,
    '(`ServiceWorker.stopAllWorkers`) spread over the storm; then both logs are read once they stop growing.',
    'The witness is a minimal extension installed beside SessionScope that stores each `cookies.onChanged` event',
    'under its own `storage.session` key at once: what it misses, Chromium never delivered (events in flight to a',
    'worker being stopped are dropped), so its ratio is the floor. `test/e2e/harness/storm.ts` does the measuring.',
    'A worker start is the time from the browser starting a stopped worker again to its script having run',
    "(DevTools' ServiceWorker running status, bench/worker-starts.ts): the events of the storm meanwhile wait,",
    'and the worker begins that far behind (median, and how many starts).',
    '',
    '| storm | changes made | SessionScope logged (ratio) | witness logged (ratio) | stops before the page finished | SessionScope worker start | witness worker start | storm | load (1 min) |',
    '|---:|---:|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Median capture ratio: SessionScope ${pct(median(ours))}, witness ${pct(median(floor))}. ` +
      `Median worker start: SessionScope ${startMs(oursStarts)}, witness ${startMs(floorStarts)}.`,
  ];
}
