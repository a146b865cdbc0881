import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { installReferenceExtension } from '../../bench/reference-extension';
import { launchChromium, listedExtension } from './harness/chromium';
import { readChangeLog, tabIdOf } from './harness/extension-messages';
import { withChromium } from './harness/setup';
import { timeToolbarPopup } from './harness/toolbar-popup';
import { openDevToolsPanel, openRealPopup, tabPopup } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';

// Proves the harness itself, independent of the UI: the extension loads, the worker answers, extension pages
// open on a tab, the DevTools panel frame is reachable and the background's storage answers.
describe('Chromium harness', () => {
  const suite = withChromium({
    site: () => startSite('app.sessionscope.localhost', { parentDomain: 'sessionscope.localhost' }),
    open: '/',
  });
  const opened: Page[] = [];

  it('loads the extension and its worker answers ping', async () => {
    const c = suite.session;
    expect(c.extensionId).toMatch(/^[a-p]{32}$/);
    const pong = await c.ping();
    expect(pong.ok).toBe(true);
    expect(pong.startedAt).toBeGreaterThan(0);
  });

  it('restarts the worker after a CDP stop', async () => {
    const c = suite.session;
    const before = await c.ping();
    await c.stopWorker();
    const after = await c.ping();
    expect(after.startedAt).toBeGreaterThan(before.startedAt);
  });

  it('opens the site on `open` and finds its tab', async () => {
    expect(suite.page.url()).toBe(suite.site.url('/'));
    expect(await tabIdOf(suite.session.control, suite.site.url('/'))).toBe(suite.tabId);
    expect(suite.tabId).toBeGreaterThan(0);
  });

  it('opens the popup and the panel as tabs on the test page, and closes them after the test', async () => {
    const popup = await suite.openView('popup');
    expect(popup.url()).toBe(`${suite.session.extensionUrl('src/popup/index.html')}?tabId=${suite.tabId}`);
    expect(await popup.$('main[data-testid="popup"]')).not.toBeNull();
    const panel = await suite.openView('panel');
    expect(await panel.$('main[data-testid="panel"]')).not.toBeNull();
    opened.push(popup, panel);
  });

  it('closed the views of the test before', () => {
    expect(opened.map((p) => p.isClosed())).toEqual([true, true]);
  });

  it('opens the real popup from the toolbar button', async () => {
    const c = suite.session;
    // (An address no other tab of the suite is on, so its tab is found by it.)
    const page = await c.openPage(suite.site.url('/?toolbar'));
    // At the tab's own address, which the background sets when the tab's address changes (popup-address.ts).
    const tabId = await tabIdOf(c.control, page.url());
    const address = `${c.extensionUrl('src/popup/index.html')}?tabId=${tabId}&url=${encodeURIComponent(page.url())}`;
    await waitUntil('the tab’s popup address', async () => (await tabPopup(c, tabId)) === address);
    const popup = await openRealPopup(c, page);
    await popup.waitForSelector('main[data-testid="popup"]');
    expect(popup.url()).toBe(address);
    await popup.close();
    await page.close();
  });

  it('finds the DevTools panel frame', async () => {
    const c = suite.session;
    const page = await c.openPage(suite.site.url('/'));
    const { panel } = await openDevToolsPanel(c, page);
    await panel.waitForSelector('main[data-testid="panel"]');
    await page.close();
  });

  it('times real toolbar popups phase by phase, another extension’s too (the bench’s reference)', async () => {
    const c = suite.session;
    const page = await c.openPage(suite.site.url('/?timed'));
    const cookies = (await c.control.evaluate(
      `(globalThis.browser ?? globalThis.chrome).cookies.getAll({ url: ${JSON.stringify(page.url())} })`,
    )) as unknown[];
    expect(cookies.length).toBeGreaterThan(0);
    const { id: refId } = await installReferenceExtension(c.browser);
    try {
      const button = {
        extension: await listedExtension(c.browser, refId),
        popupUrl: `chrome-extension://${refId}/ref.html`,
      };
      const reference = await timeToolbarPopup(c, page, cookies.length, 'li.ref-row', button);
      const sessionScope = await timeToolbarPopup(c, page, cookies.length, '[data-testid="cookie-row"]');
      for (const { fcpMs, loadedMs, scriptMs, cookiesMs, rowsMs, shownMs } of [reference, sessionScope]) {
        expect(fcpMs).toBeGreaterThan(0);
        expect(fcpMs).toBeLessThan(30_000);
        // A toolbar popup is shown once its page has loaded, and it paints only once shown.
        expect(loadedMs).toBeGreaterThan(0);
        expect(loadedMs).toBeLessThan(fcpMs);
        // Both pages' first-paint marks, in their order, the rows in before the frame that shows them.
        expect(scriptMs).toBeGreaterThan(0);
        expect(cookiesMs).toBeGreaterThan(scriptMs);
        expect(rowsMs).toBeGreaterThanOrEqual(cookiesMs);
        expect(rowsMs).toBeLessThan(fcpMs);
        // Its page loads hidden and is made visible (the mark both set) after its load event, before its paint.
        expect(shownMs).toBeGreaterThan(loadedMs);
        expect(shownMs).toBeLessThan(fcpMs);
      }
    } finally {
      await c.browser.uninstallExtension(refId);
      await page.close();
    }
  });

  it('reads the change log', async () => {
    const log = await readChangeLog(suite.session.control);
    expect(log.ok).toBe(true);
    expect(Array.isArray(log.entries)).toBe(true);
  });
});

// The bench and the storm write unpacked extensions to temp dirs; each goes once its browser has closed.
describe('temporary extension dirs', () => {
  it('removes the reference extension’s dir when its browser closes, not before', async () => {
    const session = await launchChromium();
    let dir = '';
    try {
      const installed = await installReferenceExtension(session.browser);
      dir = installed.dir;
      expect(installed.id).toMatch(/^[a-p]{32}$/);
      expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
      // Still there while the browser runs: it reads the extension's pages from it.
      const page = await session.openPage(`chrome-extension://${installed.id}/warm.html`);
      expect(await page.title()).toBe('warm');
      expect(existsSync(dir)).toBe(true);
    } finally {
      await session.close();
    }
    await waitUntil('the dir removed', () => !existsSync(dir));
    expect(existsSync(dir)).toBe(false);
  });
});
