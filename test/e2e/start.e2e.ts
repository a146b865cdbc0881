import { afterEach, describe, expect, it } from 'vitest';
import puppeteer from 'puppeteer-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { DEMO_TOKEN_KEY, DEMO_USER } from '../../demo/demo-constants';
import { CHROMIUM_PATH, FIREFOX_PATH, distDir } from './harness/paths';
import { commandOf, descendantsOf, isRunning } from './harness/processes';
import { unusedPort } from './harness/unused-port';
import { waitUntil } from './harness/wait';

/**
 * The smoke test of `npm start` (issue 9): the real start script, run headless as a user would run it (`node --import
 * tsx`, as package.json's script does, in its own process group so Ctrl-C can be sent the way a terminal sends it),
 * with the build `npm test` made first. It must open the browser with SessionScope loaded on the demo site, and leave
 * nothing running after Ctrl-C.
 */

const root = resolve(import.meta.dirname, '../..');

interface StartRun {
  child: ChildProcess;
  output(): string;
  /** Until the output matches `pattern`; the match. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

let running: StartRun | undefined;

function runStart(args: string[], env: Record<string, string | undefined> = {}): StartRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: root,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const run: StartRun = {
    child,
    output: () => text,
    exited,
    waitFor: (pattern, timeoutMs) =>
      waitUntil(`${pattern} in the output of npm start:\n${text}`, () => pattern.exec(text) ?? undefined, {
        timeoutMs,
        intervalMs: 100,
      }),
  };
  running = run;
  return run;
}

/** Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group, browser included. */
async function pressCtrlC(run: StartRun): Promise<number | null> {
  process.kill(-(run.child.pid as number), 'SIGINT');
  return Promise.race([
    run.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`npm start did not stop:\n${run.output()}`)), 20_000),
    ),
  ]);
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** The site is bound to 127.0.0.1; the printed URL uses a `*.localhost` name that Node need not resolve. */
async function demoSiteOf(run: StartRun): Promise<string> {
  const [, port] = await run.waitFor(/Demo site: http:\/\/[\w.-]+:(\d+)\//, 30_000);
  return `http://127.0.0.1:${port}/`;
}

async function expectAllGone(pids: number[], urls: string[]): Promise<void> {
  await waitUntil('every process npm start began to end', () => pids.every((pid) => !isRunning(pid)), {
    timeoutMs: 10_000,
  }).catch(() => {
    throw new Error(`still running: ${pids.filter(isRunning).map(commandOf).join('\n')}`);
  });
  for (const url of urls) expect(await answers(url), url).toBe(false);
}

afterEach(() => {
  // A failed test must not leave a browser behind for the next suite.
  if (running && running.child.exitCode === null) {
    try {
      process.kill(-(running.child.pid as number), 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running = undefined;
});

describe('npm start', () => {
  it('opens headless Chromium with SessionScope on the demo site, and Ctrl-C stops it all', async () => {
    distDir('chrome');
    const debugPort = await unusedPort();
    const run = runStart([
      '--headless',
      '--port=0',
      `--binary=${CHROMIUM_PATH}`,
      `--browser-arg=--remote-debugging-port=${debugPort}`,
    ]);
    const site = await demoSiteOf(run);
    await run.waitFor(/^Chromium is running with SessionScope loaded/m, 60_000);
    expect(await (await fetch(site)).text()).toContain('<title>Demo tea shop</title>');

    // The browser web-ext started, seen from outside: the extension's worker runs, and it is SessionScope.
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debugPort}` });
    try {
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 15_000 },
      );
      // The extension that worker belongs to serves SessionScope's manifest.
      const manifestUrl = new URL('/manifest.json', worker.url()).href;
      const manifestTab = await browser.newPage();
      const manifest = await manifestTab.goto(manifestUrl);
      const name = ((await manifest?.json()) as { name?: string } | undefined)?.name;
      await manifestTab.close();
      expect(name).toBe('SessionScope');

      // The start URL is the demo shop, and its login works in the real browser: the session id survives it and
      // the token lands in localStorage, as the terminal promises.
      const tab = await browser.waitForTarget(
        (t) => t.type() === 'page' && /\/\/shop\.demo\.localhost:\d+\/$/.test(t.url()),
      );
      const page = await tab.page();
      if (!page) throw new Error('no page for the demo tab');
      await page.waitForSelector('#login button');
      const sidBefore = (await browser.cookies()).find((c) => c.name === 'connect.sid')?.value;
      expect(sidBefore).toBeTruthy();
      await Promise.all([page.waitForNavigation(), page.click('#login button')]);
      await page.waitForFunction(() => document.querySelector('#me')?.textContent?.includes('"sessionUser"'));
      expect(await page.$eval('#me', (el) => JSON.parse(el.textContent ?? '{}'))).toMatchObject({
        user: DEMO_USER,
        sessionUser: DEMO_USER,
      });
      expect(await page.evaluate((key) => localStorage.getItem(key), DEMO_TOKEN_KEY)).toMatch(
        /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/,
      );
      const jar = await browser.cookies();
      expect(jar.find((c) => c.name === 'connect.sid')?.value).toBe(sidBefore);
      expect(jar.find((c) => c.name === 'sso_session')?.domain).toBe('.demo.localhost');
    } finally {
      await browser.disconnect();
    }

    const pids = descendantsOf(run.child.pid as number);
    expect(pids.map(commandOf).some((c) => c.includes('chromium'))).toBe(true);
    expect(await pressCtrlC(run)).toBe(0);
    expect(run.output()).toMatch(/Ctrl-C: stopping…\nStopped\.\n$/);
    await expectAllGone(pids, [site, `http://127.0.0.1:${debugPort}/json/version`]);
  }, 120_000);

  it('opens headless Firefox with SessionScope as a temporary add-on, and Ctrl-C stops it all', async () => {
    const dist = distDir('firefox');
    const run = runStart(['--firefox', '--headless', '--port=0', `--binary=${FIREFOX_PATH}`]);
    const site = await demoSiteOf(run);
    // web-ext says so once Firefox has accepted the add-on over its remote protocol.
    await run.waitFor(new RegExp(`^Installed ${dist.replaceAll('/', '\\/')} as a temporary add-on$`, 'm'), 90_000);
    await run.waitFor(/^Firefox is running with SessionScope loaded/m, 10_000);
    expect(await answers(site)).toBe(true);

    const pids = descendantsOf(run.child.pid as number);
    expect(pids.map(commandOf).some((c) => c.includes('firefox'))).toBe(true);
    expect(await pressCtrlC(run)).toBe(0);
    expect(run.output()).toMatch(/Stopped\.\n$/);
    await expectAllGone(pids, [site]);
  }, 150_000);

  it('without a display keeps only the site running and says how to load the build by hand', async () => {
    const run = runStart(['--port=0'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
    const site = await demoSiteOf(run);
    await run.waitFor(/Ctrl-C stops the demo site\.\n/, 10_000);
    expect(run.output()).toContain('No display found');
    expect(run.output()).toContain(`Load unpacked → ${distDir('chrome')}`);
    expect(run.output()).not.toContain('Running web extension');
    expect(await answers(site)).toBe(true);

    const pids = descendantsOf(run.child.pid as number);
    expect(await pressCtrlC(run)).toBe(0);
    await expectAllGone(pids, [site]);
  }, 60_000);
});
