import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';

declare const browser: WebExtBrowser;

/**
 * Sets a partitioned (CHIPS) cookie `name` on `host`'s https origin, in the partition of the top-level site
 * `topLevelSite`, through the extension's cookies API from its control page (the same call in both browsers); returns
 * what removes it again, and throws if it is still there after (a cookie left behind would show in the next test).
 */
export async function setPartitionedCookie(
  control: Page,
  host: string,
  name: string,
  topLevelSite: string,
): Promise<() => Promise<void>> {
  const url = `https://${host}/`;
  // The key as the browser keeps it (Chromium adds `hasCrossSiteAncestor`): removing needs that very key.
  const partitionKey = await control.evaluate(
    async (d) => {
      const set = await browser.cookies.set({
        ...d,
        value: 'chip',
        path: '/',
        secure: true,
        sameSite: 'no_restriction',
      });
      return set?.partitionKey ?? d.partitionKey;
    },
    { url, name, partitionKey: { topLevelSite } },
  );
  return async () => {
    const left = await control.evaluate(
      async (d) => {
        await browser.cookies.remove(d);
        return (await browser.cookies.getAll({ url: d.url, name: d.name, partitionKey: {} })).length;
      },
      { url, name, partitionKey },
    );
    if (left !== 0) throw new Error(`the partitioned cookie ${name} on ${host} was not removed`);
  };
}

/**
 * What the panel lists apart as the site's cookies kept under other sites (`[data-testid="elsewhere"]`): each name
 * with its partition's top-level site, once the list shows `name`.
 */
export async function elsewhereCookies(panel: Page, name: string): Promise<Record<string, string>> {
  await panel.waitForSelector(`[data-testid="elsewhere-cookie"][data-name="${name}"]`, { timeout: 10_000 });
  const pairs = await panel.$$eval('[data-testid="elsewhere-cookie"]', (els) =>
    els.map((e) => [e.getAttribute('data-name') ?? '', e.getAttribute('data-partition') ?? '']),
  );
  return Object.fromEntries(pairs);
}

/** The names of `host`'s partitioned cookies in the jar (every partition), sorted. */
export async function partitionedNames(control: Page, host: string): Promise<string[]> {
  const names = await control.evaluate(
    async (url) =>
      (await browser.cookies.getAll({ url, partitionKey: {} })).filter((c) => c.partitionKey).map((c) => c.name),
    `https://${host}/`,
  );
  return names.sort();
}
