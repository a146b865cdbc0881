import type { CDPSession, Page } from 'puppeteer-core';
import { launchChromium, type ChromiumSession } from '../test/e2e/harness/chromium';
import { startSite } from '../test/e2e/site/test-site';

const EVENTS = Number(process.env.BENCH_BG_EVENTS ?? 400);
const RECOUNTS = Number(process.env.BENCH_BG_RECOUNTS ?? 20);
const ROTATE_S = Number(process.env.BENCH_BG_ROTATE_S ?? 20);

interface CpuProfile {
  samples: number[];
  timeDeltas: number[];
  nodes: { id: number; callFrame: { functionName: string } }[];
}

/** CPU time of the worker's thread in a profile: every sample that is neither idle nor the profiler itself. */
function busyMs(profile: CpuProfile): number {
  const idle = new Set(
    profile.nodes.filter((n) => ['(idle)', '(program)'].includes(n.callFrame.functionName)).map((n) => n.id),
  );
  let us = 0;
  for (let i = 0; i < profile.samples.length; i++) if (!idle.has(profile.samples[i]!)) us += profile.timeDeltas[i]!;
  return us / 1000;
}

/** Runs `work` while the V8 sampling profiler records the SessionScope worker; the worker's busy ms and the wall ms. */
async function profiled(session: ChromiumSession, work: () => Promise<void>): Promise<{ busy: number; wall: number }> {
  const cdp: CDPSession = await (await session.workerTarget()).createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const started = Date.now();
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const wall = Date.now() - started;
  await cdp.detach();
  return { busy: busyMs(profile), wall };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A JWT-shaped value with an HS256 header and a random signature: no dictionary secret signed it. */
const ROTATE_SCRIPT = (seconds: number) => `
  window.__rotations = 0;
  const b64 = (s) => btoa(s).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const timer = setInterval(() => {
    for (let k = 0; k < 4; k++) {
      const payload = b64(JSON.stringify({ sub: 'user-' + k, iat: Date.now() }));
      const sig = b64(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
      document.cookie = 'rot' + k + '=' + header + '.' + payload + '.' + sig + '; path=/';
    }
    if (++window.__rotations >= ${seconds}) clearInterval(timer);
  }, 1000);`;

/**
 * The background's CPU, measured on the worker's own thread with the V8 sampling profiler in real Chromium:
 * per cookie change (a page sets and deletes cookies in a background tab), per badge recount (switching
 * between two tabs of a site with signed cookies), and while a page rotates four signed cookies every second.
 */
export async function backgroundBenchmarks(): Promise<string[]> {
  const site = await startSite('bg.sessionscope.localhost');
  // BENCH_BG_EXTENSION: another build's dist/chrome, to compare before and after a change.
  const dir = process.env.BENCH_BG_EXTENSION;
  const session = await launchChromium(dir ? { extensionDir: dir } : {});
  try {
    // The site's own page sets express-session and JWT cookies (signed values for the badge to check).
    const a: Page = await session.openPage(site.url('/'));
    const b: Page = await session.openPage(site.url('/blank'));
    await settle(1_000);

    // Changes from a tab that is not the active one: the log's cost, not the badge's.
    await a.bringToFront();
    const events = await profiled(session, async () => {
      await b.evaluate((n: number) => {
        for (let i = 0; i < n / 2; i++) {
          document.cookie = `bgev_${i}=v${i}; path=/`;
          document.cookie = `bgev_${i}=; path=/; max-age=0`;
        }
      }, EVENTS);
      await settle(2_000);
    });

    const recounts = await profiled(session, async () => {
      for (let i = 0; i < RECOUNTS; i++) {
        await (i % 2 ? a : b).bringToFront();
        await settle(150);
      }
      await settle(1_000);
    });

    const rotating = await session.openPage(site.url('/blank'));
    const rotate = await profiled(session, async () => {
      await rotating.evaluate(ROTATE_SCRIPT(ROTATE_S));
      await rotating.waitForFunction(
        (s: number) => (window as unknown as { __rotations: number }).__rotations >= s,
        {
          timeout: (ROTATE_S + 30) * 1000,
        },
        ROTATE_S,
      );
      await settle(1_000);
    });

    const per = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(0)} µs`;
    return [
      'CPU time of the extension worker thread (V8 sampling profiler on the worker target, samples that are',
      'neither idle nor the profiler), in real headless Chromium against a local site. `BENCH_BG_*` scale it.',
      '',
      '| what | worker CPU | wall | per unit |',
      '|---|---:|---:|---:|',
      `| ${EVENTS} cookie changes from a background tab | ${events.busy.toFixed(0)} ms | ${events.wall} ms | ${per(events.busy, EVENTS)} per change |`,
      `| ${RECOUNTS} badge recounts (tab switches, site with signed cookies) | ${recounts.busy.toFixed(0)} ms | ${recounts.wall} ms | ${per(recounts.busy, RECOUNTS)} per recount |`,
      `| a page rotating 4 signed (JWT HS256) cookies every second for ${ROTATE_S} s, active tab | ${rotate.busy.toFixed(0)} ms | ${rotate.wall} ms | ${((100 * rotate.busy) / rotate.wall).toFixed(1)} % of one core |`,
    ];
  } finally {
    await session.close();
    await site.stop();
  }
}
