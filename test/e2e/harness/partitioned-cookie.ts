import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';

declare const browser: WebExtBrowser;

/**
 * Sets a partitioned (CHIPS) cookie `name` on `host`'s https origin, in the partition of the top-level site
 * `topLevelSite`, through the extension's cookies API from its control page (the same call in both browsers); returns
 * what removes it again.
 */
export async function setPartitionedCookie(
  control: Page,
  host: string,
  name: string,
  topLevelSite: string,
): Promise<() => Promise<void>> {
  const details = { url: `https://${host}/`, name, partitionKey: { topLevelSite } };
  await control.evaluate(
    (d) => browser.cookies.set({ ...d, value: 'chip', path: '/', secure: true, sameSite: 'no_restriction' }),
    details,
  );
  return async () => {
    await control.evaluate((d) => browser.cookies.remove(d), details);
  };
}
