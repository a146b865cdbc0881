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

/** The badge once its text passes `ok`, or as it is after 10 s: the caller asserts on what it returns. */
async function settledWhere(extensionPage: Page, tabId: number, what: string, ok: (text: string) => boolean) {
  let last = await readBadge(extensionPage, tabId);
  await waitUntil(
    what,
    async () => {
      last = await readBadge(extensionPage, tabId);
      return ok(last.text);
    },
    { timeoutMs: 10_000, intervalMs: 200 },
  ).catch(() => undefined);
  return last;
}

/**
 * The badge once its text reads `want` (it is set after a debounced analysis), or as it is after 10 s: the caller
 * asserts on what it returns, so a wrong badge fails with what was really shown.
 */
export function settledBadge(extensionPage: Page, tabId: number, want: string): Promise<BadgeState> {
  return settledWhere(extensionPage, tabId, `badge text ${want}`, (text) => text === want);
}

/** The badge once it shows any text (a count the test does not know beforehand), or as it is after 10 s. */
export function settledNonEmptyBadge(extensionPage: Page, tabId: number): Promise<BadgeState> {
  return settledWhere(extensionPage, tabId, 'a badge text', (text) => text !== '');
}

/** The badge once its text is no longer `from` (a recount changed it), or as it is after 10 s. */
export function settledChangedBadge(extensionPage: Page, tabId: number, from: string): Promise<BadgeState> {
  return settledWhere(extensionPage, tabId, `badge text other than ${from}`, (text) => text !== from);
}
