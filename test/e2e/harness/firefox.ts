import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GECKO_ID } from '../../../scripts/target-manifest';
import { FIREFOX_PATH, POPUP_PATH, distDir } from './paths';
import { sendFrom } from './extension-messages';
import { waitUntil } from './wait';
import type { ResponseOf } from '../../../src/protocol/messages';

/** Fixed so that extension pages have stable `moz-extension://UUID/` URLs across runs. */
export const FIREFOX_EXTENSION_UUID = '5e55101f-5c0e-4e2e-8a11-000000000e2e';

export interface FirefoxSession {
  browser: Browser;
  extensionUrl(path: string): string;
  /** An extension page kept open for messaging and tab look-ups. */
  control: Page;
  ping(): Promise<ResponseOf<'ping'>>;
  /** A fresh tab showing `url` (an http page), loaded. */
  openPage(url: string): Promise<Page>;
  /** A fresh tab showing an extension page; see `gotoExtensionPage`. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** Extra preferences, e.g. `extensions.background.idle.timeout` to make the background suspend quickly. */
  prefs?: Record<string, unknown>;
  extensionDir?: string;
}

/**
 * Navigates `page` to a `moz-extension://` URL. Over BiDi, `page.goto()` to such a URL loads the page but its
 * promise never settles, so start the navigation, let it run, and poll the document instead.
 */
export async function gotoExtensionPage(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  void page.goto(url).catch(() => undefined);
  await waitUntil(
    `${url} to load`,
    () => page.evaluate((u: string) => location.href === u && document.readyState === 'complete', url),
    { timeoutMs },
  );
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const extensionDir = options.extensionDir ?? distDir('firefox');
  const userDataDir = await mkdtemp(join(tmpdir(), 'sessionscope-firefox-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir,
      // Without it Firefox refuses navigation to moz-extension:// from the automation.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
        ...options.prefs,
      },
    });
    return await attach(browser, extensionDir, userDataDir);
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

async function attach(browser: Browser, extensionDir: string, userDataDir: string): Promise<FirefoxSession> {
  await browser.installExtension(extensionDir);
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await gotoExtensionPage(page, extensionUrl(path));
    return page;
  };
  const control = await openExtensionPage(`${POPUP_PATH}?tabId=-1`);
  const ping = () => sendFrom(control, 'ping', {});
  // The background runs its top level after install; cookie changes before that would be lost.
  await waitUntil('the background to answer ping', async () => (await ping()).ok === true);

  return {
    browser,
    extensionUrl,
    control,
    ping,
    openPage: async (url: string) => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    openExtensionPage,
    close: async () => {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
