import puppeteer, { type Browser } from 'puppeteer-core';
import { AuditError, messageOf } from './audit-error';
import { findBrowser, type FindBrowserOptions } from './find-browser';

// Flags that keep Chromium quiet and deterministic on a CI machine, possibly without network.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface LaunchOptions extends FindBrowserOptions {
  /** Extra command-line flags. */
  args?: readonly string[];
  /** Chromium's sandbox needs user namespaces, which containers and root CI jobs often lack (default on). */
  noSandbox?: boolean;
}

/** A headless system browser driven by puppeteer-core (CDP for Chrome, WebDriver BiDi for Firefox). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const kind = options.kind ?? 'chrome';
  const executablePath = findBrowser(options);
  try {
    if (kind === 'firefox') {
      return await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        args: [...(options.args ?? [])],
      });
    }
    const args = [...CHROMIUM_FLAGS, ...(options.noSandbox === false ? [] : ['--no-sandbox']), ...(options.args ?? [])];
    return await puppeteer.launch({ executablePath, headless: true, pipe: true, args });
  } catch (e) {
    throw new AuditError('no-browser', `could not start ${executablePath}: ${messageOf(e)}`, { cause: e });
  }
}
