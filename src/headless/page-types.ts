import type { Page as PuppeteerPage } from 'puppeteer-core';
// Playwright's cookie shape, as `BrowserContext.cookies()` returns it (the same one as its storageState).
import type { PlaywrightCookie } from '../core/export/storage-state';

/** A request as both drivers report it. */
export interface RequestLike {
  url(): string;
  headers(): Record<string, string>;
}

/** A CDP session as Playwright hands it out (Chromium only). */
export interface PlaywrightCdpSession {
  send(method: 'Storage.getCookies' | 'Target.getTargetInfo', params?: Record<string, unknown>): Promise<unknown>;
  detach(): Promise<void>;
}

/** The cookie shape Playwright's `BrowserContext.addCookies` takes. */
export interface PlaywrightCookieParam {
  name: string;
  value: string;
  url?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
}

/** A fresh Playwright context: where the old session is replayed. */
export interface PlaywrightContextLike {
  addCookies(cookies: PlaywrightCookieParam[]): Promise<void>;
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}

/**
 * The part of a Playwright `Page` the audit uses. Structural, so this package needs no Playwright of its own
 * and works with whichever version the tests already have.
 */
export interface PlaywrightPage {
  url(): string;
  goto(url: string, options?: { waitUntil?: 'load'; timeout?: number }): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  waitForSelector(selector: string, options?: { timeout?: number }): Promise<unknown>;
  on(event: 'request', listener: (request: RequestLike) => unknown): unknown;
  off(event: 'request', listener: (request: RequestLike) => unknown): unknown;
  context(): {
    cookies(): Promise<PlaywrightCookie[]>;
    /** Takes this page; typed `never` because Playwright's own parameter type (Page | Frame) is wider. */
    newCDPSession?(page: never): Promise<PlaywrightCdpSession>;
    browser(): {
      newContext(): Promise<PlaywrightContextLike>;
      newBrowserCDPSession?(): Promise<PlaywrightCdpSession>;
    } | null;
  };
}

/** A Puppeteer page (Chrome over CDP, Firefox over WebDriver BiDi) or a Playwright page. */
export type AuditablePage = PuppeteerPage | PlaywrightPage;

export function isPuppeteerPage(page: AuditablePage): page is PuppeteerPage {
  return typeof (page as Partial<PuppeteerPage>).browserContext === 'function';
}
