import type { Browser, Page } from 'puppeteer-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { ARTIFACTS_DIR } from './paths';

const SHOT_TIMEOUT_MS = 3_000;

/**
 * A PNG of `page`, or undefined when it cannot paint within 3 s. In Chromium it asks the protocol directly:
 * Puppeteer's `page.screenshot()` holds a lock that every later `newPage()` waits for, so one screenshot that
 * never finishes (a tab that does not paint) froze every later test of the file.
 */
async function capture(page: Page): Promise<Uint8Array | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, SHOT_TIMEOUT_MS));
  // Firefox (WebDriver BiDi) has no CDP session: there Puppeteer's own screenshot is the only way.
  const cdp = await page.createCDPSession().catch(() => undefined);
  if (!cdp) return Promise.race([page.screenshot(), timeout]).catch(() => undefined);
  try {
    const shot = cdp.send('Page.captureScreenshot', { format: 'png' }).then((r) => Buffer.from(r.data, 'base64'));
    return await Promise.race([shot, timeout]);
  } catch {
    return undefined;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Registers, for every test of the calling file, a screenshot of each open page when the test fails, saved
 * under artifacts/ (gitignored) as `<test name>-<n>.png`. `getBrowser` is read at failure time because the
 * browser is launched in beforeAll.
 */
export function screenshotOnFailure(getBrowser: () => Browser | undefined): void {
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const browser = getBrowser();
      if (!browser?.connected) return;
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const base = task.name.replace(/[^\w-]+/g, '_').slice(0, 80);
      const pages = await browser.pages().catch(() => []);
      // In parallel and bounded: a page that cannot paint (a background tab, a closing DevTools window) must
      // not hold up the failure report.
      await Promise.all(
        pages.map(async (page, i) => {
          const png = await capture(page).catch(() => undefined);
          if (png) await writeFile(join(ARTIFACTS_DIR, `${base}-${i + 1}.png`), png);
        }),
      );
    });
  });
}
