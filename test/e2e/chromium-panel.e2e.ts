import type { Frame } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectReadyWithRows } from './harness/expect-rows';
import { markupTrace } from './harness/hostile';
import { withChromium } from './harness/setup';
import { cookieRows, openDevToolsPanel, row, waitForRow, waitForViewState } from './harness/views';
import { HOSTILE_TEXT, JWT_CLAIMS, fixtureCookies, startSite } from './site/test-site';

const HOST = 'app.sessionscope.localhost';

// One DevTools window for the whole file: opening DevTools is the slow part, and the tests read one panel in
// sequence (all cookies, then a late cookie, then details), as a user would.
describe('Chromium DevTools panel', () => {
  const suite = withChromium({ site: () => startSite(HOST, { parentDomain: 'sessionscope.localhost' }), open: '/' });
  let panel: Frame;
  beforeAll(async () => {
    ({ panel } = await openDevToolsPanel(suite.session, suite.page));
  });

  it('shows the same cookies and flags as the popup', async () => {
    await expectReadyWithRows(panel, 'panel', HOST, fixtureCookies());
    // Rows of the panel are table rows.
    expect(await panel.$eval(row('connect.sid'), (el) => el.tagName)).toBe('TR');
  });

  it('shows how long a cookie has left in its row, with the date as the tooltip', async () => {
    // theme is set with a 30-day Max-Age by the express site.
    const cell = await panel.$eval(`${row('theme')} [data-testid="cookie-expiry"]`, (el) => ({
      text: el.textContent,
      title: el.getAttribute('title'),
    }));
    expect(cell.text).toMatch(/^in (29|30) days$/);
    expect(cell.title).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in (29|30) days\)$/);
  });

  it('picks up a cookie set by page script after it opened, without a reload', async () => {
    await waitForViewState(panel, 'panel');
    // A marker on the panel's window: a reload of the panel would lose it.
    await panel.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const pageLoads = await suite.page.evaluate(() => performance.getEntriesByType('navigation').length);
    await suite.page.evaluate(() => {
      document.cookie = 'late_js=from-page-script; path=/; max-age=600';
    });
    await waitForRow(panel, 'late_js');
    const attrs = (await cookieRows(panel)).get('late_js');
    expect(attrs).toMatchObject({ httponly: 'false', secure: 'false', hostonly: 'true', samesite: 'unspecified' });
    expect(await panel.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await suite.page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(pageLoads);
    // The change also reaches the timeline.
    await panel.waitForSelector('[data-testid="timeline-entry"][data-name="late_js"][data-removed="false"]', {
      timeout: 10_000,
    });
  });

  it('shows the JWT claims of the selected row in the detail pane', async () => {
    await panel.click(row('jwt'));
    await panel.waitForSelector('[data-testid="detail"] [data-testid="jwt-claims"]', { timeout: 10_000 });
    const sub = await panel.$eval(
      '[data-testid="detail"] [data-testid="claim"][data-claim="sub"]',
      (el) => el.textContent,
    );
    expect(sub).toContain(JWT_CLAIMS.sub);
    expect(await panel.$('[data-testid="detail"] [data-testid="claim"][data-claim="exp"]')).not.toBeNull();
  });

  it('shows a hostile value as text in the detail pane and runs nothing', async () => {
    await panel.click(row('xss_canary'));
    await panel.click(row('xss'));
    await panel.waitForFunction(
      (text: string) => document.querySelector('[data-testid="detail"]')?.textContent?.includes(text) === true,
      { timeout: 10_000 },
      HOSTILE_TEXT,
    );
    expect(await markupTrace(panel)).toEqual({ hostileImages: 0, inlineHandlers: 0, pwned: undefined });
  });
});
