import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { expectRowKeyboard } from './harness/keyboard';
import { withChromium } from './harness/setup';
import { row, waitForViewState, type ViewRoot } from './harness/views';
import { startSite } from './site/test-site';

const HOST = 'app.sessionscope.localhost';

describe('Accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  const suite = withChromium({ site: () => startSite(HOST, { parentDomain: 'sessionscope.localhost' }), open: '/' });

  const cases: [ViewRoot, 'light' | 'dark'][] = [
    ['popup', 'light'],
    ['popup', 'dark'],
    ['panel', 'light'],
    ['panel', 'dark'],
  ];

  it.each(cases)('the %s in the %s theme, with a cookie opened, breaks no rule', async (view, theme) => {
    const page = await suite.openView(view, {
      beforeLoad: (p) => p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: theme }]),
    });
    expect(await waitForViewState(page, view)).toBe('ready');
    // The theme really is the one asked for: the page's background follows it.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(31, 32, 35)' : 'rgb(255, 255, 255)');
    await page.waitForSelector(row('jwt'));
    // The popup opens a row's detail in place with its toggle; the panel opens the selected row in its pane.
    await page.click(view === 'popup' ? `${row('jwt')} [data-testid="cookie-toggle"]` : row('jwt'));
    await page.waitForSelector('[data-testid="cookie-detail"]', { timeout: 10_000 });
    if (view === 'panel') {
      // The would-send tool open too: its form, answer and reasons in both themes.
      await page.click('[data-testid="would-send-toggle"]');
      await page.waitForSelector('[data-testid="ws-sent-cookie"]', { timeout: 10_000 });
      // A cross-site request leaves cookies home, with their reasons.
      await page.select('[data-testid="ws-kind"]', 'cross-site-subresource');
      await page.waitForSelector('[data-testid="ws-reason"]', { timeout: 10_000 });
      // And the columns menu, over the table (a click elsewhere would close it: opened last).
      await page.click('[data-testid="columns-toggle"]');
      await page.waitForSelector('[data-testid="column-toggle"]', { visible: true });
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the popup's cookie lists are one Tab stop each; the arrow keys move between and within the rows", async () => {
    const popup = await suite.openReadyView('popup');
    await expectRowKeyboard(popup);
  });
});
