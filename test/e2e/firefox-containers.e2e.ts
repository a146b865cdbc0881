import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { settledBadge, settledNonEmptyBadge } from './harness/badge';
import { cookieStoreOfTab, readChangeLog, tabIdOf } from './harness/extension-messages';
import { setFromPage } from './harness/change-log';
import { withFirefox } from './harness/setup';
import { cookieRows, waitForRow, waitForViewState } from './harness/views';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';

declare const browser: WebExtBrowser;

/*
 * A Firefox container tab beside a default tab on the same site (127.0.0.1): each jar holds its own cookies, and
 * every view of each tab (popup, panel page, badge, timeline) must show that tab's jar only. The container is a
 * WebDriver BiDi user context (`browser.createBrowserContext()`), which Firefox runs as a container
 * (`firefox-container-N`); containers must be enabled for `contextualIdentities` to name it.
 */
const HOST = '127.0.0.1';

describe('Firefox containers', () => {
  const suite = withFirefox({
    site: () => startSite(HOST),
    launch: { prefs: { 'privacy.userContext.enabled': true } },
    // The default tab: `/` leaves the fixture cookies (a weak-secret session, JWTs, hostile values) in the default jar.
    open: '/',
  });

  /** A tab in a new container on `path`, with its tab id and cookie store id as the extension sees them. */
  async function openContainerTab(path: string): Promise<{ page: Page; tabId: number; storeId: string }> {
    const context = await suite.session.browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(suite.site.url(path), { waitUntil: 'load' });
    const tabId = await tabIdOf(suite.session.control, page.url());
    const storeId = await cookieStoreOfTab(suite.session.control, tabId);
    return { page, tabId, storeId };
  }

  it('shows each tab only its own jar: popup, panel page, badge and timeline', async () => {
    const box = await openContainerTab('/blank');
    expect(box.storeId).toMatch(/^firefox-container-\d+$/);
    await setFromPage(box.page, 'n=box_only&v=1');
    const defaultStore = await suite.session.control.evaluate(
      async (id: number) => (await browser.tabs.get(id)).cookieStoreId ?? '',
      suite.tabId,
    );
    expect(defaultStore).toBe('firefox-default');

    // The popup of each tab: the container's shows its one cookie and names its jar; the default's shows the
    // fixtures and no jar name.
    const boxPopup = await suite.openView('popup', { tabId: box.tabId });
    expect(await waitForViewState(boxPopup, 'popup')).toBe('ready');
    expect([...(await cookieRows(boxPopup)).keys()]).toEqual(['box_only']);
    const label = await boxPopup.$eval('[data-testid="site-store"]', (el) => el.textContent ?? '');
    // A BiDi user context has no public name: the jar is named by its id.
    expect(label).toBe(`Container ${box.storeId}`);
    const defaultPopup = await suite.openReadyView('popup');
    const defaultRows = await cookieRows(defaultPopup);
    expect(defaultRows.has('connect.sid')).toBe(true);
    expect(defaultRows.has('box_only')).toBe(false);
    expect(await defaultPopup.$('[data-testid="site-store"]')).toBeNull();

    // The panel page of each tab (`?tabId=`), with its timeline: the log's entries and live changes of its jar only.
    const boxPanel = await suite.openView('panel', { tabId: box.tabId });
    expect(await waitForViewState(boxPanel, 'panel')).toBe('ready');
    expect([...(await cookieRows(boxPanel)).keys()]).toEqual(['box_only']);
    expect(await boxPanel.$eval('[data-testid="site-store"]', (el) => el.textContent ?? '')).toBe(label);
    const defaultPanel = await suite.openReadyView('panel');
    expect((await cookieRows(defaultPanel)).has('box_only')).toBe(false);
    await boxPanel.waitForSelector('[data-testid="timeline-entry"][data-name="box_only"]');

    await setFromPage(box.page, 'n=box_live&v=1');
    await setFromPage(suite.page, 'n=default_live&v=1');
    await waitForRow(boxPanel, 'box_live');
    await waitForRow(defaultPanel, 'default_live');
    await boxPanel.waitForSelector('[data-testid="timeline-entry"][data-name="box_live"]');
    await defaultPanel.waitForSelector('[data-testid="timeline-entry"][data-name="default_live"]');
    const timelineNames = (p: Page) =>
      p.$$eval('[data-testid="timeline-entry"]', (els) => els.map((el) => (el as HTMLElement).dataset.name));
    expect((await timelineNames(boxPanel)).sort()).toEqual(['box_live', 'box_only']);
    const defaultTimeline = await timelineNames(defaultPanel);
    expect(defaultTimeline).toContain('default_live');
    expect(defaultTimeline.filter((n) => n?.startsWith('box_'))).toEqual([]);
    expect((await cookieRows(boxPanel)).has('default_live')).toBe(false);
    expect((await cookieRows(defaultPanel)).has('box_live')).toBe(false);

    // The background's log, asked for one store, answers with that store's entries only.
    const log = await readChangeLog(suite.session.control, { site: HOST, storeId: box.storeId });
    expect(log.entries.map((e) => e.cookie.storeId).filter((s) => s !== box.storeId)).toEqual([]);
    expect(log.entries.map((e) => e.cookie.name).sort()).toEqual(['box_live', 'box_only']);

    // The badge: the default tab counts the default jar's serious findings; the container tab, holding no weak
    // cookie, shows none, then counts the insecure session cookie set in its own jar.
    await suite.page.bringToFront();
    await suite.page.reload({ waitUntil: 'load' });
    const defaultBadge = await settledNonEmptyBadge(suite.session.control, suite.tabId);
    expect(defaultBadge.text).toMatch(/^[1-9]\d*$/);
    await box.page.bringToFront();
    await box.page.reload({ waitUntil: 'load' });
    expect((await settledBadge(suite.session.control, box.tabId, '')).text).toBe('');
    await setFromPage(box.page, 'n=sessionid&v=k3v9q2m8x7w1z5r4t6y0p2n8b4c7d1f3');
    await box.page.reload({ waitUntil: 'load' });
    // Its own count (a script-readable, non-Secure session id), which is not the default jar's.
    const boxBadge = await settledBadge(suite.session.control, box.tabId, '2');
    expect(boxBadge.text).toBe('2');
    expect(defaultBadge.text).not.toBe('2');
    expect((await settledBadge(suite.session.control, suite.tabId, defaultBadge.text)).text).toBe(defaultBadge.text);
  });

  it('names a container the user made, and its tab shows that container’s cookies', async () => {
    // A container as a user (or Multi-Account Containers) makes one, and a tab opened in it through the extension
    // API; the site sets the container's cookie through the tab's own navigation.
    const control = suite.session.control;
    const { tabId, storeId } = await control.evaluate(async (setUrl: string) => {
      const identity = await browser.contextualIdentities.create({
        name: 'Work <b>',
        color: 'blue',
        icon: 'briefcase',
      });
      const tab = await browser.tabs.create({ url: setUrl, cookieStoreId: identity.cookieStoreId, active: false });
      return { tabId: tab.id ?? -1, storeId: identity.cookieStoreId };
    }, suite.site.url('/set?n=work_only&v=1'));
    await waitUntil('the container tab to keep its cookie', async () =>
      control.evaluate(
        async (id: string) => (await browser.cookies.getAll({ storeId: id })).some((c) => c.name === 'work_only'),
        storeId,
      ),
    );
    const popup = await suite.openView('popup', { tabId });
    expect(await waitForViewState(popup, 'popup')).toBe('ready');
    expect([...(await cookieRows(popup)).keys()]).toEqual(['work_only']);
    expect(await popup.$eval('[data-testid="site-store"]', (el) => el.textContent)).toBe('Container: Work <b>');
    expect(await popup.$('[data-testid="site-store"] b')).toBeNull();

    // A cookie added from the view goes to the tab's container, not the default jar.
    await popup.click('[data-testid="cookie-add"]');
    // The editor loads on first use.
    await popup.waitForSelector('[data-testid="edit-name"]');
    expect(await popup.$eval('[data-testid="edit-store"]', (el) => (el as HTMLInputElement).value)).toBe(storeId);
    await popup.type('[data-testid="edit-name"]', 'added_here');
    await popup.type('[data-testid="edit-value"]', 'v1');
    await popup.click('[data-testid="edit-save"]');
    await waitForRow(popup, 'added_here');
    const stores = await control.evaluate(async () => (await browser.cookies.getAllCookieStores()).map((s) => s.id));
    const where = await control.evaluate(async (ids: string[]) => {
      const found: string[] = [];
      for (const id of ids)
        if ((await browser.cookies.getAll({ storeId: id, name: 'added_here' })).length) found.push(id);
      return found;
    }, stores);
    expect(where).toEqual([storeId]);
  });
});
