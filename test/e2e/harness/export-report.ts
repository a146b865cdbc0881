import type { Page } from 'puppeteer-core';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../../src/core/export/report';
import { waitUntil } from './wait';

/** The report's file name as the export names it today, written out here so a test notices a change. */
export function reportFileName(host: string): string {
  return `sessionscope-report-${host}-${new Date().toISOString().slice(0, 10)}.json`;
}

/**
 * Clicks "Export report" in an open popup or panel view and reads the file the browser saved into `downloads`
 * (in Chromium, call `allowDownloads` once per view first; Firefox needs its download preferences). Returns the
 * file's text and the parsed report.
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
  // Chromium writes `<name>.crdownload`, Firefox a `.part` file, and each renames it when done; the report text
  // ends with a newline, so a file without one is still being written.
  const text = await waitUntil(
    `${fileName} in the download directory`,
    async () => {
      if (!(await readdir(downloads)).includes(fileName)) return undefined;
      const t = await readFile(join(downloads, fileName), 'utf8');
      return t.endsWith('\n') ? t : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 100 },
  );
  return { text, report: JSON.parse(text) as Report };
}

/** Lets the view's downloads land in `downloads` without a prompt. */
export async function allowDownloads(view: Page, downloads: string): Promise<void> {
  const cdp = await view.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
}
