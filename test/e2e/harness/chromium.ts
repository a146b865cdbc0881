import puppeteer, { type Browser, type Extension, type Page, type Target } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH, POPUP_PATH, distDir } from './paths';
import { sendFrom } from './extension-messages';
import { waitUntil } from './wait';
import type { ResponseOf } from '../../../src/protocol/messages';

export interface ChromiumSession {
  browser: Browser;
  extension: Extension;
  extensionId: string;
  /** `chrome-extension://ID/<path>` */
  extensionUrl(path: string): string;
  /**
   * An extension page (the popup document opened as a tab on no tab) kept open for messaging, tab look-ups and
   * CDP commands that need an extension context.
   */
  control: Page;
  /** The worker's target, waiting for it to (re)start if it is not running. */
  workerTarget(timeoutMs?: number): Promise<Target>;
  /** `send('ping')` from the control page: proves the worker runs and answers. */
  ping(): Promise<ResponseOf<'ping'>>;
  /** MV3 termination, as Chromium does it to an idle worker. `waitGone`: until its target is gone. */
  stopWorker(options?: { waitGone?: boolean }): Promise<void>;
  /** A fresh tab showing `url`, loaded. */
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** Extra command-line flags, e.g. `--host-resolver-rules=…`. */
  args?: string[];
  /** Defaults to dist/chrome. */
  extensionDir?: string;
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

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const extensionDir = options.extensionDir ?? distDir('chrome');
  const userDataDir = await mkdtemp(join(tmpdir(), 'sessionscope-chromium-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      // installExtension needs the pipe transport in puppeteer-core 24.
      pipe: true,
      enableExtensions: true,
      handleDevToolsAsPage: true,
      userDataDir,
      args: [...QUIET_FLAGS, ...(options.args ?? [])],
    });
    return await attach(browser, extensionDir, userDataDir);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function attach(browser: Browser, extensionDir: string, userDataDir: string): Promise<ChromiumSession> {
  const extensionId = await browser.installExtension(extensionDir);
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  const workerPrefix = `chrome-extension://${extensionId}/`;
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith(workerPrefix);

  const workerTarget = (timeoutMs = 10_000) => browser.waitForTarget(isWorker, { timeout: timeoutMs });
  await workerTarget();

  const extension = await waitUntil('the extension in browser.extensions()', async () =>
    (await browser.extensions()).get(extensionId),
  );

  const control = await browser.newPage();
  // tabId=-1 names no tab: the page renders its "no tab" state and stays quiet.
  await control.goto(`${extensionUrl(POPUP_PATH)}?tabId=-1`, { waitUntil: 'load' });
  const cdp = await control.createCDPSession();
  await cdp.send('ServiceWorker.enable');

  const ping = () => sendFrom(control, 'ping', {});

  const stopWorker = async ({ waitGone = true } = {}) => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    if (waitGone) {
      await waitUntil('the worker to stop', () => !browser.targets().some(isWorker), { timeoutMs: 5_000 });
    }
  };

  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };

  // Cookie events that fire before the worker has run its top level are lost: answer a ping first.
  await waitUntil('the worker to answer ping', async () => (await ping()).ok === true);

  return {
    browser,
    extension,
    extensionId,
    extensionUrl,
    control,
    workerTarget,
    ping,
    stopWorker,
    openPage,
    close: async () => {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
