import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { waitUntil } from './wait';

// Runs in an extension page (native `browser` in Chromium 156 and Firefox); see extension-messages.ts.
declare const browser: WebExtBrowser;

export interface BadgeState {
  text: string;
  /** `[r, g, b, a]` */
  color: number[];
}

export function readBadge(extensionPage: Page, tabId: number): Promise<BadgeState> {
  return extensionPage.evaluate(async (id: number) => {
    const text = await browser.action.getBadgeText({ tabId: id });
    const color = await browser.action.getBadgeBackgroundColor({ tabId: id });
    return { text, color: Array.from(color as ArrayLike<number>) };
  }, tabId);
}

/**
 * The badge once its text reads `want` (it is set after a debounced analysis), or as it is after 10 s: the caller
 * asserts on what it returns, so a wrong badge fails with what was really shown.
 */
export async function settledBadge(extensionPage: Page, tabId: number, want: string): Promise<BadgeState> {
  let last = await readBadge(extensionPage, tabId);
  await waitUntil(
    `badge text ${want}`,
    async () => {
      last = await readBadge(extensionPage, tabId);
      return last.text === want;
    },
    { timeoutMs: 10_000, intervalMs: 200 },
  ).catch(() => undefined);
  return last;
}
