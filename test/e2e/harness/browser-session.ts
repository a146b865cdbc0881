import type { Browser, Page } from 'puppeteer-core';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseOf } from '../../../src/protocol/messages';
import { sendFrom } from './extension-messages';
import { POPUP_PATH } from './paths';
import { waitUntil } from './wait';

/** Runs on a fresh tab before it navigates: a listener or an init script that must see the page's first script. */
export type BeforeLoad = (page: Page) => unknown;

/** What a launched browser with SessionScope installed offers, in Chromium and in Firefox alike. */
export interface BrowserSession {
  browser: Browser;
  /** `chrome-extension://ID/<path>` or `moz-extension://UUID/<path>` */
  extensionUrl(path: string): string;
  /** An extension page kept open for messaging, tab look-ups and extension APIs. */
  control: Page;
  /** `send('ping')` from the control page: proves the background runs and answers. */
  ping(): Promise<ResponseOf<'ping'>>;
  /** A fresh tab showing `url` (an http page), loaded. */
  openPage(url: string): Promise<Page>;
  /** A fresh tab showing the extension page at `path` (query included), loaded. */
  openExtensionPage(path: string, beforeLoad?: BeforeLoad): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Removes `dir` once `browser` has closed (or its connection is lost): the temporary files of an unpacked extension
 * made for one run (the bench's reference, the storm's witness, a static copy) are read for as long as the browser
 * runs, and left behind they would pile up in the temp dir run after run.
 */
export function removeWhenClosed(browser: Browser, dir: string): void {
  browser.once('disconnected', () => rmSync(dir, { recursive: true, force: true }));
}

/**
 * Launches a browser on a fresh temporary profile and attaches to it. The profile is removed when the launch or
 * the attaching fails (with the browser closed), or by `close()`.
 */
export async function launchOnFreshProfile<S extends Omit<BrowserSession, 'close'>>(
  name: string,
  launch: (userDataDir: string) => Promise<Browser>,
  attach: (browser: Browser) => Promise<S>,
  /** A profile the caller owns (to relaunch on it): used as it is and kept on close. */
  profileDir?: string,
): Promise<S & { close(): Promise<void> }> {
  const userDataDir = profileDir ?? (await mkdtemp(join(tmpdir(), `sessionscope-${name}-`)));
  const removeProfile = async () => {
    if (profileDir === undefined) await rm(userDataDir, { recursive: true, force: true });
  };
  let browser: Browser | undefined;
  try {
    browser = await launch(userDataDir);
    const session = await attach(browser);
    const launched = browser;
    return {
      ...session,
      close: async () => {
        await launched.close().catch(() => undefined);
        await removeProfile();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await removeProfile();
    throw error;
  }
}

/**
 * The session both launchers build alike once the extension is installed: extension pages under `base`
 * (`chrome-extension://ID/`, `moz-extension://UUID/`) loaded by `goto` (each browser waits for its own scheme in
 * its own way), http pages, and the control page, opened on no tab. It returns once the background (`background`
 * names it in a timeout) answers a ping: cookie changes made before the background has run its top level are lost.
 */
export async function attachExtension(
  browser: Browser,
  base: string,
  goto: (page: Page, url: string) => Promise<unknown>,
  background: string,
): Promise<Omit<BrowserSession, 'close'>> {
  const extensionUrl = (path: string) => `${base}${path.replace(/^\//, '')}`;
  const openExtensionPage = async (path: string, beforeLoad?: BeforeLoad) => {
    const page = await browser.newPage();
    await beforeLoad?.(page);
    await goto(page, extensionUrl(path));
    return page;
  };
  const openPage = async (url: string) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
  // tabId=-1 names no tab: the page renders its "no tab" state and stays quiet.
  const control = await openExtensionPage(`${POPUP_PATH}?tabId=-1`);
  const ping = () => sendFrom(control, 'ping', {});
  await waitUntil(`the ${background} to answer ping`, async () => (await ping()).ok === true);
  return { browser, extensionUrl, control, ping, openPage, openExtensionPage };
}
