import type { Page } from 'puppeteer-core';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../../src/core/export/report';
import { waitUntil } from './wait';

/**
 * Clicks "Export report" in an open popup or panel view and reads the file Chromium saved into `downloads`
 * (call `allowDownloads` once per view first). Returns the file's text and the parsed report.
 */
export async function exportReport(
  view: Page,
  downloads: string,
  fileName: string,
): Promise<{ text: string; report: Report }> {
  await view.click('[data-testid="export-report"]');
  const outcome = await view.waitForSelector('[data-testid="export-outcome"][data-outcome="saved"]');
  const said = await outcome!.evaluate((el) => el.textContent);
  if (said !== `Saved ${fileName}`) throw new Error(`the export said "${said}", not "Saved ${fileName}"`);
  // Chromium writes `<name>.crdownload` first and renames it when done.
  const text = await waitUntil(
    `${fileName} in the download directory`,
    async () =>
      (await readdir(downloads)).includes(fileName) ? readFile(join(downloads, fileName), 'utf8') : undefined,
    { timeoutMs: 10_000, intervalMs: 100 },
  );
  return { text, report: JSON.parse(text) as Report };
}

/** Lets the view's downloads land in `downloads` without a prompt. */
export async function allowDownloads(view: Page, downloads: string): Promise<void> {
  const cdp = await view.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
}
