/**
 * `sessionscope audit` on a local site against its floor (bench/floor-audit.mjs: the same browser and flags, the
 * same URL and wait condition, one CDP `Storage.getCookies`, close). Both run as `node` child processes, timed
 * from spawn to exit, alternately so drift in the machine's load hits them alike.
 * Alone: `npx tsx bench/cli-bench.ts` (after `npm run build`; BENCH_CLI_RUNS runs each, default 11).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM_FLAGS } from '../src/headless/launch-browser';
import { CHROMIUM_PATH } from '../test/e2e/harness/paths';
import { startAuditSite } from '../test/e2e/site/audit-site';
import { seededRandom } from '../test/fakes/hostile-values';
import { median, medianAndInterval, ms, pairedRatios, ratio } from './stats';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 11);
const WARMUP = 1;
const root = resolve(import.meta.dirname, '..');
const CLI = resolve(root, 'dist/cli/sessionscope.js');
const FLOOR = resolve(root, 'bench/floor-audit.mjs');

export interface CliFigures {
  runs: number;
  cliMs: number;
  floorMs: number;
  lines: string[];
}

/** Wall time of one child process; rejects on an exit code not in `ok`. */
function timeChild(args: string[], ok: readonly number[]): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()).length);
    child.on('error', fail);
    child.on('exit', (code) => {
      const took = performance.now() - start;
      if (code !== null && ok.includes(code)) done(took);
      else fail(new Error(`${args.join(' ')} exited ${code}: ${err.slice(0, 2_000)}`));
    });
  });
}

export async function cliBenchmarks(): Promise<CliFigures> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const site = await startAuditSite('127.0.0.1');
  const url = site.url('/');
  // The CLI adds --no-sandbox by default; the floor gets the very same list.
  const flags = JSON.stringify([...CHROMIUM_FLAGS, '--no-sandbox']);
  const cli: number[] = [];
  const floor: number[] = [];
  try {
    for (let i = 0; i < RUNS + WARMUP; i++) {
      // Findings make the CLI exit 1; 0 and 1 both mean the audit ran.
      const c = await timeChild([CLI, 'audit', url, '--format', 'json', '--browser-path', CHROMIUM_PATH], [0, 1]);
      const f = await timeChild([FLOOR, CHROMIUM_PATH, url, flags], [0]);
      if (i >= WARMUP) {
        cli.push(c);
        floor.push(f);
      }
    }
  } finally {
    await site.stop();
  }
  const cliMs = median(cli);
  const floorMs = median(floor);
  // Each round runs the command then the floor: a pair that the machine's load at that moment hits alike.
  const paired = medianAndInterval(pairedRatios(floor, cli), seededRandom(RUNS), (r) => `${r.toFixed(2)}×`);
  const lines = [
    'Wall time from spawn to exit of two `node` child processes, alternated, on the local audit site of the e2e',
    'suites (test/e2e/site/audit-site.ts: five cookies, two of them JWTs): the built CLI,',
    '`node dist/cli/sessionscope.js audit <url> --format json`, and the floor, `bench/floor-audit.mjs`: the same',
    'Chromium with the same flags, the same URL loaded to `load`, one CDP `Storage.getCookies`, close. Both pay',
    `node's start-up alike. Medians of ${RUNS} runs each after ${WARMUP} warm-up; the goal is ≤ 1.3×. "Paired" is`,
    'the median of the ratios of the runs of one round (the command over the floor run right after it), with its',
    'bootstrap 90 % interval.',
    '',
    '| floor (launch, visit, read, close) | `sessionscope audit` | ratio | paired [90 % interval] |',
    '|---:|---:|---:|---:|',
    `| ${ms(floorMs)} | ${ms(cliMs)} | ${ratio(cliMs, floorMs)} | ${paired} |`,
  ];
  return { runs: RUNS, cliMs, floorMs, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const figures = await cliBenchmarks();
  process.stdout.write(`${figures.lines.join('\n')}\n`);
}
