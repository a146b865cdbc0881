import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../scripts/target-manifest';
import { FIREFOX_PATH, POPUP_PATH, distDir } from './paths';
import { launchOnFreshProfile, pageOpener, type BeforeLoad, type BrowserSession } from './browser-session';
import { sendFrom } from './extension-messages';
import { waitUntil } from './wait';

/** Fixed so that extension pages have stable `moz-extension://UUID/` URLs across runs. */
export const FIREFOX_EXTENSION_UUID = '5e55101f-5c0e-4e2e-8a11-000000000e2e';

/** Extension pages open through `gotoExtensionPage`. */
export type FirefoxSession = BrowserSession;

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
  return launchOnFreshProfile(
    'firefox',
    (userDataDir) =>
      puppeteer.launch({
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
      }),
    (browser) => attach(browser, extensionDir),
  );
}

async function attach(browser: Browser, extensionDir: string): Promise<Omit<FirefoxSession, 'close'>> {
  await browser.installExtension(extensionDir);
  const extensionUrl = (path: string) => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;

  const openExtensionPage = async (path: string, beforeLoad?: BeforeLoad) => {
    const page = await browser.newPage();
    await beforeLoad?.(page);
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
    openPage: pageOpener(browser),
    openExtensionPage,
  };
}
