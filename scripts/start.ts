/**
 * `npm start`: the demo shop on 127.0.0.1, and a browser with the freshly built extension opened on it through
 * web-ext's `run` (a throwaway profile; the extension is loaded unpacked / as a temporary add-on). Without a
 * display it keeps only the site running and says how to load the build by hand. Ctrl-C stops everything.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cmd, type ExtensionRunner } from 'web-ext';
import { DEMO_HOST, DEMO_PARENT_DOMAIN } from '../demo/demo-constants';
import { startDemoSite, type RunningDemoSite } from '../demo/demo-site';
import { noDisplayText, tryThisText, type StartContext } from './start-messages';
import {
  START_USAGE,
  browserBinary,
  browserFlags,
  hasDisplay,
  parseStartArgs,
  type StartOptions,
} from './start-options';

const root = resolve(import.meta.dirname, '..');
const chromeDist = join(root, 'dist/chrome');
const firefoxDist = join(root, 'dist/firefox');

/** The fixed port first (a stable URL to bookmark), any free port when it is taken. */
async function startSite(port: number): Promise<RunningDemoSite> {
  try {
    return await startDemoSite(DEMO_HOST, port, { parentDomain: DEMO_PARENT_DOMAIN });
  } catch (error) {
    if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is taken; the demo site takes a free one.`);
    return startDemoSite(DEMO_HOST, 0, { parentDomain: DEMO_PARENT_DOMAIN });
  }
}

async function runBrowser(options: StartOptions, url: string, profileDir: string): Promise<ExtensionRunner> {
  const binary = browserBinary(options, existsSync);
  const args = browserFlags(options, process.getuid?.() === 0);
  const common = { startUrl: [url], args, noReload: true, noInput: true };
  if (options.browser === 'chromium') {
    // Our own profile directory (kept as is, removed on exit): web-ext's temporary one would be left in /tmp.
    return cmd.run(
      {
        ...common,
        sourceDir: chromeDist,
        target: ['chromium'],
        chromiumBinary: binary,
        chromiumProfile: profileDir,
        keepProfileChanges: true,
      },
      { shouldExitProgram: false },
    );
  }
  return cmd.run(
    {
      ...common,
      sourceDir: firefoxDist,
      target: ['firefox-desktop'],
      firefox: binary,
      // Firefox does not resolve *.localhost names by itself; Chromium does.
      pref: { 'network.dns.localDomains': `${DEMO_HOST},${DEMO_PARENT_DOMAIN}` },
    },
    { shouldExitProgram: false },
  );
}

async function main(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2));
  if (options.help) {
    console.log(START_USAGE);
    return;
  }
  const dist = options.browser === 'chromium' ? chromeDist : firefoxDist;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error(`No build in ${dist}: run \`npm start\` (it builds first) or \`npm run build\`.`);
  }

  const site = await startSite(options.port);
  const context: StartContext = {
    browser: options.browser,
    url: site.url('/'),
    loopbackUrl: `http://127.0.0.1:${site.port}/`,
    chromeDist,
    firefoxDist,
  };
  console.log(`Demo site: ${context.url}`);

  let runner: ExtensionRunner | undefined;
  let browserGone: Promise<void> = Promise.resolve();
  const profileDir = mkdtempSync(join(tmpdir(), 'sessionscope-start-'));
  let stopping: Promise<void> | undefined;
  const stop = (reason: string): Promise<void> =>
    (stopping ??= (async () => {
      console.log(`\n${reason}: stopping…`);
      // The browser may already be gone (Ctrl-C reaches it too, or the user closed it).
      if (runner) await runner.exit().catch(() => undefined);
      await browserGone;
      await site.stop();
      console.log('Stopped.');
    })());
  const onSignal = (signal: NodeJS.Signals): void =>
    void stop(signal === 'SIGINT' ? 'Ctrl-C' : signal).then(() => process.exit(0));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Whatever ends the process (even another library's exit), the throwaway profile goes with it.
  process.on('exit', () => rmSync(profileDir, { recursive: true, force: true }));

  if (!options.headless && !hasDisplay(process.platform, process.env)) {
    console.log(noDisplayText(context));
    return;
  }

  try {
    runner = await runBrowser(options, context.url, profileDir);
  } catch (error) {
    await stop('The browser did not start');
    throw error;
  }
  // chrome-launcher (under web-ext) adds a SIGINT listener that kills Chromium and exits at once with 130,
  // before the site and the profile are cleaned up: once the browser is up, Ctrl-C is ours alone.
  for (const listener of process.listeners('SIGINT')) if (listener !== onSignal) process.off('SIGINT', listener);
  const started = runner;
  browserGone = new Promise((done) => started.registerCleanup(done));
  void browserGone.then(() => stop('The browser was closed').then(() => process.exit(0)));
  console.log(`\n${tryThisText(context)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
