import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tabIdOf } from './harness/extension-messages';
import { withFirefox } from './harness/setup';
import { waitForViewState } from './harness/views';
import { openWouldSend, readTool } from './harness/would-send';
import { SHADOW_HOST, SHADOW_PAGE, SHADOW_PARENT, startShadowSite } from './site/shadow-site';

/*
 * The same tool in Firefox, through the panel page opened as a tab with `?tabId=` (a DevTools panel cannot be
 * reached here, see BROWSER-TESTING.md). `network.dns.localDomains` resolves the two hosts to loopback. No Secure
 * cookie: nothing can set one on a plain-http, non-loopback host in Firefox without privileged access.
 */
describe('Firefox panel page: would this cookie be sent?', () => {
  const suite = withFirefox({
    site: startShadowSite,
    launch: { prefs: { 'network.dns.localDomains': `${SHADOW_PARENT},${SHADOW_HOST}` } },
  });
  let tabId: number;
  let sentByFirefox: string;

  /** The panel page on the site's tab, the tool open (the suite closes it after each test). */
  async function openPanel(): Promise<Page> {
    const panel = await suite.openView('panel', { tabId });
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    await openWouldSend(panel);
    return panel;
  }

  beforeAll(async () => {
    const { session, site } = suite;
    const page = await session.openPage(site.url('/parent-login', SHADOW_PARENT));
    await page.goto(site.url('/login'));
    await page.goto(site.url(SHADOW_PAGE));
    sentByFirefox = await page.$eval('#sent', (el) => el.textContent ?? '');
    tabId = await tabIdOf(session.control, page.url());
  });

  it('lists the cookies in the order of the Cookie header Firefox sent, the parent’s sid marked shadowed', async () => {
    const panel = await openPanel();
    const tool = await readTool(panel);
    expect(sentByFirefox).toBe('cart=3; sid=parent-wide; sid=app-own');
    expect(tool.header).toBe(`Cookie: ${sentByFirefox}`);
    expect(tool.sent.map((c) => [c.name, c.shadowed])).toEqual([
      ['cart', 'false'],
      ['sid', 'true'],
      ['sid', 'true'],
    ]);
    expect(tool.notSent).toEqual({ admin_view: 'path' });
    // Firefox sends cookies without SameSite cross-site: the tool says which rule it used.
    expect(await panel.$eval('[data-testid="ws-context"]', (el) => el.textContent)).toContain('as in Firefox');
  });

  it('shows the cookie-shadowed finding for the site', async () => {
    const panel = await openPanel();
    const detail = await panel.$eval(
      '[data-testid="top-findings"] [data-testid="finding"][data-rule="cookie-shadowed"]',
      (el) => el.textContent ?? '',
    );
    expect(detail).toContain(SHADOW_PARENT);
  });
});
