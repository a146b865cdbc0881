import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { withFirefox } from './harness/setup';
import { sendFrom } from './harness/extension-messages';
import { drawnRows, scopeCount, showScope } from './harness/third-party';
import { waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { EMBED, startThirdPartySite, TOP } from './site/third-party-site';

declare const browser: WebExtBrowser;

/*
 * Firefox through the panel page opened as a tab (`?tabId=`): no DevTools, so no recorded request; the third
 * parties are the page's own frames and loaded resources, read from the page. The iframe's cookie has neither
 * Secure nor SameSite (Firefox sets no Secure cookie over plain http on these hosts), and Total Cookie Protection
 * keeps it in the frame's partition under the top-level site.
 */
describe('Firefox panel page: the third parties of the page, read from its frames (issue 11)', () => {
  const suite = withFirefox({
    site: startThirdPartySite,
    open: '/?frame=plain',
    launch: { prefs: { 'network.dns.localDomains': `${TOP},${EMBED}` } },
  });

  it('lists the iframe’s partitioned cookie, with its partition, under "third parties" and not under "this site"', async () => {
    // What Firefox ESR's cookies API says of it: only `partitionKey: {}` returns it, keyed to the top-level site.
    const jar = await waitUntil('the iframe’s cookie in the jar', async () => {
      const found = await suite.session.control.evaluate(
        async (domain: string) => ({
          all: (await browser.cookies.getAll({ domain, partitionKey: {} } as never)).map((c) => ({
            name: c.name,
            topLevelSite: (c as { partitionKey?: { topLevelSite?: string } }).partitionKey?.topLevelSite,
          })),
          unpartitioned: (await browser.cookies.getAll({ domain })).length,
        }),
        EMBED,
      );
      return found.all.length > 0 ? found : undefined;
    });
    expect(jar).toEqual({ all: [{ name: 'ffp', topLevelSite: `http://${TOP}` }], unpartitioned: 0 });

    const panel = await suite.openView('panel');
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    await waitUntil('the iframe site’s cookie in the switch', async () =>
      (await scopeCount(panel, 'third-parties')) > 0 ? true : undefined,
    );
    await showScope(panel, 'third-parties');
    await panel.waitForSelector('[data-testid="cookie-row"][data-name="ffp"]', { timeout: 10_000 });
    const third = await drawnRows(panel);
    expect(third).toHaveLength(1);
    expect(third[0]).toMatchObject({ name: 'ffp', scope: 'third-party', partition: `http://${TOP}` });
    expect(third[0]!.domain).toContain(EMBED);

    await showScope(panel, 'this-site');
    expect((await drawnRows(panel)).map((r) => r.name)).toEqual(['own']);
    await showScope(panel, 'all');
    expect((await drawnRows(panel)).map((r) => r.name).sort()).toEqual(['ffp', 'own']);
  });

  it('tells a panel that asked for the page’s log what else changed since: a third party’s new cookie', async () => {
    // Firefox's DevTools panel cannot watch cookies (it has no cookies API), and no test can drive it
    // (BROWSER-TESTING.md). It asks the real background for the page's log, then for every site's entries after the
    // log's next sequence number, and reads a third party again when one of its cookies is there
    // (src/state/panel-controller.ts).
    const own = await sendFrom(suite.session.control, 'getChangeLog', { site: TOP });
    expect(own.ok).toBe(true);
    expect(typeof own.nextSeq).toBe('number');
    await suite.session.control.evaluate(
      (url: string) => browser.cookies.set({ url, name: 'ffLive', value: '1', path: '/' }),
      `http://${EMBED}:${suite.site.port}/`,
    );
    try {
      const since = await waitUntil('the third party’s change in the log of every site', async () => {
        const r = await sendFrom(suite.session.control, 'getChangeLog', { site: '', afterSeq: own.nextSeq! - 1 });
        return r.entries.some((e) => e.cookie.name === 'ffLive') ? r : undefined;
      });
      expect(since.entries.every((e) => e.seq >= own.nextSeq!)).toBe(true);
      expect(since.entries.find((e) => e.cookie.name === 'ffLive')!.cookie.domain).toContain(EMBED);
      expect(since.nextSeq).toBeGreaterThan(own.nextSeq!);
      // In one answer, the next sequence number follows the newest entry of any site.
      const all = await sendFrom(suite.session.control, 'getChangeLog', {});
      expect(all.entries.length).toBeGreaterThan(0);
      expect(all.nextSeq).toBe(Math.max(...all.entries.map((e) => e.seq)) + 1);
    } finally {
      await suite.session.control.evaluate(
        (url: string) => browser.cookies.remove({ url, name: 'ffLive' }),
        `http://${EMBED}:${suite.site.port}/`,
      );
    }
  });

  it('forgets the old page’s frames when the tab navigates to a page without them', async () => {
    const panel = await suite.openView('panel');
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    await waitUntil('the iframe site’s cookie', async () =>
      (await scopeCount(panel, 'third-parties')) === 1 ? true : undefined,
    );
    await suite.page.goto(suite.site.url('/?frame=none'));
    await waitUntil('no third party on the page without the iframe', async () =>
      (await scopeCount(panel, 'third-parties')) === 0 ? true : undefined,
    );
    expect(await scopeCount(panel, 'this-site')).toBe(1);
    await suite.page.goto(suite.site.url('/?frame=plain'));
    await waitUntil('the iframe site’s cookie again', async () =>
      (await scopeCount(panel, 'third-parties')) === 1 ? true : undefined,
    );
  });
});
