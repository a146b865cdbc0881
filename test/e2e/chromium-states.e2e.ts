import { describe, expect, it } from 'vitest';
import { newestTabWithoutUrl, tabIdOf } from './harness/extension-messages';
import { withChromium } from './harness/setup';
import { waitForViewState, type ViewRoot } from './harness/views';
import { startSite } from './site/test-site';

// The states a user meets before any cookie: each must say what is going on and what to do, never a blank view.
describe('Chromium popup and panel states', () => {
  const suite = withChromium({ site: () => startSite('empty.states.localhost') });

  async function stateOf(url: string, view: ViewRoot): Promise<{ state: string; message: string }> {
    const c = suite.session;
    const page = suite.track(await c.openPage(url));
    const tabId = url.startsWith('http') ? await tabIdOf(c.control, url) : await newestTabWithoutUrl(c.control);
    const viewPage = await suite.openView(view, { tabId });
    const state = await waitForViewState(viewPage, view);
    const message = await viewPage.$eval('[data-testid="state-message"]', (el) => el.textContent ?? '');
    await Promise.all([viewPage.close(), page.close()]);
    return { state, message };
  }

  for (const view of ['popup', 'panel'] as const) {
    it(`${view}: a page that is not a web page says so instead of showing nothing`, async () => {
      const { state, message } = await stateOf('about:blank', view);
      expect(state).toBe('not-http');
      expect(message.trim().length).toBeGreaterThan(20);
    });

    it(`${view}: a site with no cookies says it has none`, async () => {
      const { state, message } = await stateOf(suite.site.url('/blank'), view);
      expect(state).toBe('no-cookies');
      expect(message).toMatch(/cookie/i);
    });
  }

  it('popup: a tab that no longer exists is reported, not a crash', async () => {
    const page = await suite.openView('popup', { tabId: 987_654_321 });
    expect(await waitForViewState(page, 'popup')).toBe('no-tab');
    expect(await page.$eval('[data-testid="state-message"]', (el) => el.textContent ?? '')).not.toBe('');
  });
});
