import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { screenshotOnFailure } from './harness/artifacts';
import { newestTabWithoutUrl, tabIdOf } from './harness/extension-messages';
import { openViewTab, waitForViewState, type ViewRoot } from './harness/views';
import { startSite, type RunningSite } from './site/test-site';

// The states a user meets before any cookie: each must say what is going on and what to do, never a blank view.
describe('Chromium popup and panel states', () => {
  let site: RunningSite;
  let chromium: ChromiumSession | undefined;
  screenshotOnFailure(() => chromium?.browser);

  beforeAll(async () => {
    site = await startSite('empty.states.localhost');
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await site?.stop();
  });

  async function stateOf(url: string, view: ViewRoot): Promise<{ state: string; message: string }> {
    const c = chromium!;
    const page = await c.openPage(url);
    const tabId = url.startsWith('http') ? await tabIdOf(c.control, url) : await newestTabWithoutUrl(c.control);
    const viewPage = await openViewTab(c, tabId, view);
    try {
      const state = await waitForViewState(viewPage, view);
      const message = await viewPage.$eval('[data-testid="state-message"]', (el) => el.textContent ?? '');
      return { state, message };
    } finally {
      await viewPage.close();
      await page.close();
    }
  }

  for (const view of ['popup', 'panel'] as const) {
    it(`${view}: a page that is not a web page says so instead of showing nothing`, async () => {
      const { state, message } = await stateOf('about:blank', view);
      expect(state).toBe('not-http');
      expect(message.trim().length).toBeGreaterThan(20);
    });

    it(`${view}: a site with no cookies says it has none`, async () => {
      const { state, message } = await stateOf(site.url('/blank'), view);
      expect(state).toBe('no-cookies');
      expect(message).toMatch(/cookie/i);
    });
  }

  it('popup: a tab that no longer exists is reported, not a crash', async () => {
    const page = await openViewTab(chromium!, 987_654_321);
    try {
      expect(await waitForViewState(page, 'popup')).toBe('no-tab');
      expect(await page.$eval('[data-testid="state-message"]', (el) => el.textContent ?? '')).not.toBe('');
    } finally {
      await page.close();
    }
  });
});
