import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GECKO_ID } from '../../../scripts/target-manifest';
import { FIREFOX_PATH, WEB_EXT_PATH, distDir } from './paths';
import { attachExtension, launchOnFreshProfile, type BrowserSession } from './browser-session';
import { waitUntil } from './wait';

/** Fixed so that extension pages have stable `moz-extension://UUID/` URLs across runs. */
export const FIREFOX_EXTENSION_UUID = '5e55101f-5c0e-4e2e-8a11-000000000e2e';

/** Extension pages open through `gotoExtensionPage`. */
export type FirefoxSession = BrowserSession;

export interface FirefoxOptions {
  /** Extra preferences, e.g. `extensions.background.idle.timeout` to make the background suspend quickly. */
  prefs?: Record<string, unknown>;
  extensionDir?: string;
  /**
   * Launch on this profile and keep it on close (a browser restart is a second launch on it), with the extension
   * installed in it as a user's add-on: a temporary add-on does not outlive the browser. Else a fresh profile and a
   * temporary add-on.
   */
  profileDir?: string;
}

/**
 * What lets Firefox ESR load an unsigned add-on from `<profile>/extensions/` and enable it without asking (release
 * builds ignore the first one; ESR and Debian's build honour it).
 */
const PROFILE_ADDON_PREFS = {
  'xpinstall.signatures.required': false,
  // 0: no install scope is disabled on its own (a sideloaded add-on would wait for the user's consent).
  'extensions.autoDisableScopes': 0,
  // Every scope, the profile's included.
  'extensions.enabledScopes': 15,
};

/**
 * Packs `extensionDir` with web-ext into `<profile>/extensions/<gecko id>.xpi`, where Firefox installs it at its next
 * start as an ordinary add-on of that profile. A second launch finds it there and keeps the install as it is.
 */
async function installInProfile(profileDir: string, extensionDir: string): Promise<void> {
  const dir = join(profileDir, 'extensions');
  const xpi = join(dir, `${GECKO_ID}.xpi`);
  if (existsSync(xpi)) return;
  await mkdir(dir, { recursive: true });
  // web-ext writes `@` in a file name as `_`, and Firefox wants the id as the name: pack, then rename.
  const packed = 'packed.xpi';
  await promisify(execFile)(process.execPath, [
    WEB_EXT_PATH,
    'build',
    '--source-dir',
    extensionDir,
    '--artifacts-dir',
    dir,
    '--filename',
    packed,
    '--no-input',
  ]);
  await rename(join(dir, packed), xpi);
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
  const permanent = options.profileDir !== undefined;
  return launchOnFreshProfile(
    'firefox',
    async (userDataDir) => {
      if (permanent) await installInProfile(userDataDir, extensionDir);
      return puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        userDataDir,
        // Without it Firefox refuses navigation to moz-extension:// from the automation.
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
          ...(permanent ? PROFILE_ADDON_PREFS : {}),
          ...options.prefs,
        },
      });
    },
    (browser) => attach(browser, permanent ? undefined : extensionDir),
    options.profileDir,
  );
}

/** `extensionDir`: install it as a temporary add-on; undefined: the profile has it installed. */
async function attach(browser: Browser, extensionDir: string | undefined): Promise<Omit<FirefoxSession, 'close'>> {
  if (extensionDir !== undefined) await browser.installExtension(extensionDir);
  return attachExtension(browser, `moz-extension://${FIREFOX_EXTENSION_UUID}/`, gotoExtensionPage, 'background');
}

/**
 * Runs `use` on a new tab in a new container (a WebDriver BiDi user context, which Firefox runs as a container
 * with its own cookie store), then closes the container, whether `use` passed or threw.
 */
export async function inContainerTab<T>(session: FirefoxSession, use: (tab: Page) => Promise<T>): Promise<T> {
  const container = await session.browser.createBrowserContext();
  try {
    return await use(await container.newPage());
  } finally {
    await container.close();
  }
}
