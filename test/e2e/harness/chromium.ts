import puppeteer, { type Browser, type Extension, type Target } from 'puppeteer-core';
import { CHROMIUM_PATH, distDir } from './paths';
import { attachExtension, launchOnFreshProfile, type BrowserSession } from './browser-session';
import { waitUntil } from './wait';

/**
 * The control page is the popup document opened as a tab on no tab; it also serves CDP commands that need an
 * extension context.
 */
export interface ChromiumSession extends BrowserSession {
  extension: Extension;
  extensionId: string;
  /** The worker's target, waiting for it to (re)start if it is not running. */
  workerTarget(timeoutMs?: number): Promise<Target>;
  /** MV3 termination, as Chromium does it to an idle worker. `waitGone`: until its target is gone. */
  stopWorker(options?: { waitGone?: boolean }): Promise<void>;
}

export interface ChromiumOptions {
  /** Extra command-line flags, e.g. `--host-resolver-rules=…`. */
  args?: string[];
  /** Defaults to dist/chrome. */
  extensionDir?: string;
  /** Allows the extension in incognito windows (as the user's "Allow in Incognito" switch does). */
  incognito?: boolean;
  /** Launch on this profile and keep it on close (a browser restart is a second launch on it); else a fresh one. */
  profileDir?: string;
  /**
   * Runs with a window on this X display (`startXDisplay`) instead of headless, for a native dialog that a test
   * answers with the keyboard.
   */
  display?: string;
}

// Flags that keep Chromium quiet and deterministic on a machine without network (BROWSER-TESTING.md).
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The installed extension `id` as the browser lists it (a moment after `installExtension` has returned). */
export function listedExtension(browser: Browser, id: string): Promise<Extension> {
  return waitUntil(`extension ${id} in browser.extensions()`, async () => (await browser.extensions()).get(id));
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? distDir('chrome');
  return launchOnFreshProfile(
    'chromium',
    (userDataDir) =>
      puppeteer.launch({
        executablePath: CHROMIUM_PATH,
        headless: options.display === undefined,
        ...(options.display !== undefined && { env: { ...process.env, DISPLAY: options.display } }),
        // installExtension needs the pipe transport in puppeteer-core 24.
        pipe: true,
        enableExtensions: true,
        handleDevToolsAsPage: true,
        userDataDir,
        args: [...QUIET_FLAGS, ...(options.args ?? [])],
      }),
    (browser) => attach(browser, extensionDir, options.incognito === true),
    options.profileDir,
  );
}

/** `browser.installExtension`, or the same CDP command with its incognito switch on (puppeteer has no option). */
async function install(browser: Browser, extensionDir: string, incognito: boolean): Promise<string> {
  if (!incognito) return browser.installExtension(extensionDir);
  const cdp = await browser.target().createCDPSession();
  const { id } = await cdp.send('Extensions.loadUnpacked', { path: extensionDir, enableInIncognito: true });
  await cdp.detach();
  return id;
}

async function attach(
  browser: Browser,
  extensionDir: string,
  incognito: boolean,
): Promise<Omit<ChromiumSession, 'close'>> {
  const extensionId = await install(browser, extensionDir, incognito);
  const base = `chrome-extension://${extensionId}/`;
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith(base);

  const workerTarget = (timeoutMs = 10_000) => browser.waitForTarget(isWorker, { timeout: timeoutMs });
  await workerTarget();

  const extension = await listedExtension(browser, extensionId);

  const session = await attachExtension(browser, base, (page, url) => page.goto(url, { waitUntil: 'load' }), 'worker');
  const cdp = await session.control.createCDPSession();
  await cdp.send('ServiceWorker.enable');

  const stopWorker = async ({ waitGone = true } = {}) => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    if (waitGone) {
      await waitUntil('the worker to stop', () => !browser.targets().some(isWorker), { timeoutMs: 5_000 });
    }
  };

  return { ...session, extension, extensionId, workerTarget, stopWorker };
}
