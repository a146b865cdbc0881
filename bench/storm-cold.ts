import { loadavg } from 'node:os';
import { launchChromium } from '../test/e2e/harness/chromium';
import { measureStorm, type Capture, type StormResult } from '../test/e2e/harness/storm';
import { startSite } from '../test/e2e/site/test-site';
import { median } from './stats';

/**
 * `npm run bench:storm-cold`: the change storm in fresh browsers, where the first storm fell short of the witness
 * while later storms in the same browser matched it. Launches BENCH_COLD_BROWSERS browsers (default 3) one after
 * the other, runs BENCH_COLD_STORMS storms in each (default 2), and prints each storm's capture against the
 * witness's with where the losses fall: per span between two stops of the workers, and the runs of consecutive
 * lost changes. BENCH_STORM_EXTENSION names another build's dist/chrome (before / after). BENCH_COLD_WARM=n
 * stops and wakes SessionScope's worker n times (quietly, by a ping) before the first storm, to tell a worker
 * that has never restarted from a fresh browser. Prints only.
 */
const BROWSERS = Number(process.env.BENCH_COLD_BROWSERS ?? 3);
const STORMS = Number(process.env.BENCH_COLD_STORMS ?? 2);
const WARM = Number(process.env.BENCH_COLD_WARM ?? 0);
const CHANGES = 4_000;
const STOPS = 5;

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

/** Lost changes per span: before the first stop, between each stop and the next, after the last. */
function perSpan(c: Capture, stopsAt: readonly number[]): number[] {
  const edges = [...stopsAt, Number.POSITIVE_INFINITY];
  const spans = edges.map(() => 0);
  for (const i of c.missing) spans[edges.findIndex((e) => i < e)]! += 1;
  return spans;
}

/** The runs of consecutive lost positions, as `first–last (n)`, longest first, at most `max` of them. */
function runs(c: Capture, max = 6): string {
  const out: { first: number; last: number }[] = [];
  for (const i of c.missing) {
    const last = out[out.length - 1];
    if (last && i === last.last + 1) last.last = i;
    else out.push({ first: i, last: i });
  }
  out.sort((a, b) => b.last - b.first - (a.last - a.first));
  const shown = out.slice(0, max).map((r) => `${r.first}–${r.last} (${r.last - r.first + 1})`);
  return `${shown.join(', ')}${out.length > max ? `, … ${out.length - max} more` : ''}`;
}

function describe(r: StormResult): string[] {
  const ours = perSpan(r.sessionScope, r.stopsAt);
  const theirs = perSpan(r.witness, r.stopsAt);
  return [
    `  SessionScope ${pct(r.sessionScope.captureRatio)} (${r.sessionScope.lost} lost, ${r.unobserved} unobserved, ` +
      `${r.sessionScope.duplicates} dup., ${r.sessionScope.inOrder ? 'in order' : 'OUT OF ORDER'}), ` +
      `witness ${pct(r.witness.captureRatio)} (${r.witness.lost} lost); stops at ${r.stopsAt.join(', ')}; ` +
      `${(r.stormMs / 1000).toFixed(1)} s`,
    `  lost per span (ours / witness): ${ours.map((n, i) => `${n}/${theirs[i]}`).join('  ')}`,
    `  our runs: ${runs(r.sessionScope)}`,
    `  witness runs: ${runs(r.witness)}`,
  ];
}

const first: { ours: number; witness: number }[] = [];
const later: { ours: number; witness: number }[] = [];
const site = await startSite('storm.sessionscope.localhost');
try {
  for (let b = 1; b <= BROWSERS; b++) {
    const dir = process.env.BENCH_STORM_EXTENSION;
    const session = await launchChromium(dir ? { extensionDir: dir } : {});
    try {
      await session.openPage(site.url('/blank'));
      for (let w = 0; w < WARM; w++) {
        await session.stopWorker();
        await session.ping();
      }
      for (let s = 1; s <= STORMS; s++) {
        const load = loadavg()[0]!.toFixed(1);
        const r = await measureStorm(session, site, { changes: CHANGES, stops: STOPS });
        (s === 1 ? first : later).push({ ours: r.sessionScope.captureRatio, witness: r.witness.captureRatio });
        process.stdout.write(`browser ${b}, storm ${s} (load ${load}):\n${describe(r).join('\n')}\n`);
      }
    } finally {
      await session.close();
    }
  }
} finally {
  await site.stop();
}
const summary = (name: string, rows: typeof first) =>
  rows.length === 0
    ? ''
    : `${name}: SessionScope median ${pct(median(rows.map((r) => r.ours)))}, witness ${pct(median(rows.map((r) => r.witness)))}` +
      ` (${rows.map((r) => `${pct(r.ours)} vs ${pct(r.witness)}`).join('; ')})`;
process.stdout.write(
  `${[summary('first storms', first), summary('later storms', later)].filter(Boolean).join('\n')}\n`,
);
