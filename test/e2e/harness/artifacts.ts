import type { Browser } from 'puppeteer-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { ARTIFACTS_DIR } from './paths';

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
          const path = join(ARTIFACTS_DIR, `${base}-${i + 1}.png`) as `${string}.png`;
          await Promise.race([page.screenshot({ path }), new Promise((r) => setTimeout(r, 3_000))]).catch(
            () => undefined,
          );
        }),
      );
    });
  });
}
