import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import type { ChangeLogResult, MessageType, RequestOf, ResponseOf } from '../../../src/protocol/messages';

// Extension pages in Chromium 156 and Firefox both have a native `browser` global. Functions passed to
// `page.evaluate` run there, so they may use only it and their arguments, never a binding of this module.
declare const browser: WebExtBrowser;

/** Sends one protocol message from an extension page, exactly as the popup and panel do. */
export async function sendFrom<K extends MessageType>(
  extensionPage: Page,
  type: K,
  data: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const response = await extensionPage.evaluate(
    (t: string, d: unknown) => browser.runtime.sendMessage({ sessionscope: 1, type: t, data: d }),
    type,
    data as unknown,
  );
  return response as ResponseOf<K>;
}

export function readChangeLog(extensionPage: Page, request: RequestOf<'getChangeLog'> = {}): Promise<ChangeLogResult> {
  return sendFrom(extensionPage, 'getChangeLog', request);
}

/** The id of the tab showing `url` (exact match, or prefix match when `prefix` is set). */
export async function tabIdOf(extensionPage: Page, url: string, prefix = false): Promise<number> {
  const id = await extensionPage.evaluate(
    async (u: string, p: boolean) => {
      const tabs = await browser.tabs.query({});
      return tabs.find((t) => (p ? (t.url ?? '').startsWith(u) : t.url === u))?.id ?? -1;
    },
    url,
    prefix,
  );
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The cookie store of tab `tabId`, as the extension sees it (`''` where the browser names none). */
export function cookieStoreOfTab(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id: number) => (await browser.tabs.get(id)).cookieStoreId ?? '', tabId);
}

/**
 * Tabs outside the host permission (about:blank, chrome:// pages) show no URL to the extension, so they cannot be
 * found by URL: this is the newest of them, i.e. the one a test has just opened.
 */
export async function newestTabWithoutUrl(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => {
    const tabs = await browser.tabs.query({});
    return Math.max(...tabs.filter((t) => !t.url).map((t) => t.id ?? -1));
  });
}
