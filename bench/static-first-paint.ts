import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { removeWhenClosed } from '../test/e2e/harness/browser-session';
import { listedExtension, type ChromiumSession } from '../test/e2e/harness/chromium';
import { sendFrom } from '../test/e2e/harness/extension-messages';
import { POPUP_PATH } from '../test/e2e/harness/paths';
import type { ToolbarButton } from '../test/e2e/harness/views';

/**
 * The floor SessionScope's own first paint sets in a toolbar popup (`npm run bench`'s first toolbar table, and
 * `AB_STATIC=1 npm run bench:popup-ab`; docs/popup-speed.md): the very elements its first paint puts in for a site,
 * written into a copy of the built extension as static HTML, so that the popup's page shows them with no script at
 * all. What such a page takes over the reference is what the popup's content and its extension cost; what the popup
 * as built takes over it is its code.
 */

/** Set by the capture script once the first paint's `<main>` is in: `#app`'s markup at that moment. */
const SNAPSHOT = '__sessionscopeFirstPaint';

/**
 * The markup of the first paint of the popup page at `popupUrl` (`#app`'s content as it is put in, before the
 * popup proper takes it over), opened in a tab of its own.
 */
export async function captureFirstPaint(browser: Browser, popupUrl: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.evaluateOnNewDocument((key: string) => {
      new MutationObserver((_records, observer) => {
        if (document.querySelector('main[data-first-paint]') === null) return;
        (window as unknown as Record<string, string>)[key] = document.getElementById('app')!.innerHTML;
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    }, SNAPSHOT);
    await page.goto(popupUrl);
    const handle = await page.waitForFunction(
      (key: string) => (window as unknown as Record<string, string>)[key],
      { timeout: 10_000 },
      SNAPSHOT,
    );
    return (await handle.jsonValue()) as string;
  } finally {
    await page.close();
  }
}

/**
 * A copy of the built extension `build` (a temp dir) whose popup page holds `markup` in its `#app` and loads no
 * script. Throws if the page is not shaped as the build writes it (one module script, an empty `#app`).
 */
export async function writeStaticCopy(build: string, markup: string): Promise<string> {
  const html = await readFile(join(build, POPUP_PATH), 'utf8');
  const scripts = html.match(/<script\b[^>]*><\/script>/g) ?? [];
  const app = '<div id="app"></div>';
  if (scripts.length !== 1 || html.split(app).length !== 2) {
    throw new Error(
      `${join(build, POPUP_PATH)}: expected one script and one empty #app, found ${scripts.length} scripts`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'sessionscope-static-'));
  await cp(build, dir, { recursive: true });
  await writeFile(join(dir, POPUP_PATH), html.replace(scripts[0]!, '').replace(app, `<div id="app">${markup}</div>`));
  return dir;
}

/** A static copy installed beside the build (installStaticCopy). */
export interface InstalledStaticCopy {
  /** Its toolbar button, for timeToolbarPopup. */
  button: ToolbarButton;
  /** Pings its background, so that its worker is running as SessionScope's is when it is pinged. */
  ping(): Promise<void>;
  /** Closes its open page and uninstalls it. */
  remove(): Promise<void>;
}

/**
 * Captures the first paint of `build`'s popup at `popupUrl` (the session's own extension, at the address its toolbar
 * button opens for the site's tab), writes it as a static copy of `build` and installs that beside it, with one of
 * its pages kept open (its extension process running, as SessionScope's is in the harness).
 */
export async function installStaticCopy(
  session: ChromiumSession,
  build: string,
  popupUrl: string,
): Promise<InstalledStaticCopy> {
  const dir = await writeStaticCopy(build, await captureFirstPaint(session.browser, popupUrl));
  removeWhenClosed(session.browser, dir);
  const id = await session.browser.installExtension(dir);
  const base = `chrome-extension://${id}/${POPUP_PATH}`;
  const home = await session.openPage(base);
  const extension = await listedExtension(session.browser, id);
  return {
    button: { extension, popupUrl: base },
    ping: async () => {
      await sendFrom(home, 'ping', {});
    },
    remove: async () => {
      await home.close();
      await session.browser.uninstallExtension(id);
    },
  };
}
