import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumSession } from './harness/chromium';
import { launchChromium } from './harness/chromium';
import { readChangeLog, tabIdOf } from './harness/extension-messages';
import { openDevToolsPanel, openRealPopup, openViewTab } from './harness/views';
import { screenshotOnFailure } from './harness/artifacts';
import { startSite, type RunningSite } from './site/test-site';

// Proves the harness itself, independent of the UI: the extension loads, the worker answers, extension pages
// open on a tab, the DevTools panel frame is reachable and the background's storage answers.
describe('Chromium harness', () => {
  let site: RunningSite;
  let chromium: ChromiumSession | undefined;
  screenshotOnFailure(() => chromium?.browser);

  beforeAll(async () => {
    site = await startSite('app.sessionscope.localhost', { parentDomain: 'sessionscope.localhost' });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await site?.stop();
  });

  it('loads the extension and its worker answers ping', async () => {
    const c = chromium!;
    expect(c.extensionId).toMatch(/^[a-p]{32}$/);
    const pong = await c.ping();
    expect(pong.ok).toBe(true);
    expect(pong.startedAt).toBeGreaterThan(0);
  });

  it('restarts the worker after a CDP stop', async () => {
    const c = chromium!;
    const before = await c.ping();
    await c.stopWorker();
    const after = await c.ping();
    expect(after.startedAt).toBeGreaterThan(before.startedAt);
  });

  it('opens the popup and the panel as tabs on the test page', async () => {
    const c = chromium!;
    const page = await c.openPage(site.url('/'));
    const tabId = await tabIdOf(c.control, site.url('/'));
    expect(tabId).toBeGreaterThan(0);
    const popup = await openViewTab(c, tabId, 'popup');
    expect(await popup.$('main[data-testid="popup"]')).not.toBeNull();
    const panel = await openViewTab(c, tabId, 'panel');
    expect(await panel.$('main[data-testid="panel"]')).not.toBeNull();
    await Promise.all([popup.close(), panel.close(), page.close()]);
  });

  it('opens the real popup from the toolbar button', async () => {
    const c = chromium!;
    const page = await c.openPage(site.url('/'));
    const popup = await openRealPopup(c, page);
    await popup.waitForSelector('main[data-testid="popup"]');
    expect(popup.url()).toBe(c.extensionUrl('src/popup/index.html'));
    await popup.close();
    await page.close();
  });

  it('finds the DevTools panel frame', async () => {
    const c = chromium!;
    const page = await c.openPage(site.url('/'));
    const { panel } = await openDevToolsPanel(c, page);
    await panel.waitForSelector('main[data-testid="panel"]');
    await page.close();
  });

  it('reads the change log', async () => {
    const log = await readChangeLog(chromium!.control);
    expect(log.ok).toBe(true);
    expect(Array.isArray(log.entries)).toBe(true);
  });
});
