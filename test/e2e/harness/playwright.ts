import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

/** Plain Chromium (no extension) driven by Playwright, as a user of the library or of an export runs it. */
export function launchPlaywrightChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
}

/**
 * Loads an exported Playwright storage state into a fresh Chromium, opens `url` with it and runs `use` on that
 * page (and the browser, for more contexts); the browser is closed afterwards, even when `use` throws.
 */
export async function withStorageState<T>(
  storageState: unknown,
  url: string,
  use: (page: Page, browser: Browser) => Promise<T>,
): Promise<T> {
  const pw = await launchPlaywrightChromium();
  try {
    const context = await pw.newContext({ storageState: storageState as never });
    const page = await context.newPage();
    await page.goto(url);
    return await use(page, pw);
  } finally {
    await pw.close();
  }
}
