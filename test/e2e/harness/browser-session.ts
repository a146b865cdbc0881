import type { Browser, Page } from 'puppeteer-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseOf } from '../../../src/protocol/messages';

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

/** `openPage` for both browsers: http pages load the same way in each. */
export function pageOpener(browser: Browser): (url: string) => Promise<Page> {
  return async (url) => {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  };
}
