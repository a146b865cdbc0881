import type { Frame, Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { withChromium } from './harness/setup';
import { openDevToolsPanel, waitForViewState } from './harness/views';
import { openWouldSend, readTool, typeInto } from './harness/would-send';
import { SHADOW_HOST, SHADOW_PAGE, SHADOW_PARENT, startShadowSite } from './site/shadow-site';

declare const browser: WebExtBrowser;

// The site on app.shadow.test, its parent shadow.test beside it (a resolver rule sends both to 127.0.0.1): the
// parent's `sid` (Domain=shadow.test) and the site's own `sid` both reach the page.
describe('Chromium DevTools panel: would this cookie be sent?', () => {
  const suite = withChromium({
    site: startShadowSite,
    launch: { args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] },
  });
  let page: Page;
  let panel: Frame;
  /** The Cookie header Chromium sent with the page's own request, as the server received it. */
  let sentByChromium: string;

  beforeAll(async () => {
    const { session, site } = suite;
    page = await session.openPage(site.url('/parent-login', SHADOW_PARENT));
    await page.goto(site.url('/login'));
    // A Secure cookie on a plain-http, non-loopback host: no page of it can set one, DevTools' protocol can.
    await session.browser.setCookie({ name: 'secure_pref', value: '1', domain: SHADOW_HOST, path: '/', secure: true });
    await page.goto(site.url(SHADOW_PAGE));
    sentByChromium = await page.$eval('#sent', (el) => el.textContent ?? '');
    ({ panel } = await openDevToolsPanel(session, page));
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
    await openWouldSend(panel);
  });

  it('lists what goes for the page URL in Cookie header order, the very header Chromium sent', async () => {
    expect(await panel.$eval('[data-testid="ws-url"]', (el) => (el as HTMLInputElement).value)).toBe(
      suite.site.url(SHADOW_PAGE),
    );
    // The whole site's cookies, not only the page's rows (admin_view, under /admin, is not one of those).
    expect(await panel.$eval('[data-testid="ws-source"]', (el) => (el as HTMLElement).dataset.source)).toBe('site');
    const tool = await readTool(panel);
    // Longer path first; then the older `/` cookie (the parent's, set first).
    expect(tool.sent.map((c) => [c.name, c.domain, c.path])).toEqual([
      ['cart', SHADOW_HOST, '/account'],
      ['sid', `.${SHADOW_PARENT}`, '/'],
      ['sid', SHADOW_HOST, '/'],
    ]);
    expect(sentByChromium).toBe('cart=3; sid=parent-wide; sid=app-own');
    expect(tool.header).toBe(`Cookie: ${sentByChromium}`);
    expect(tool.orderCertain).toBe('true');
    expect(await panel.$('[data-testid="ws-order-caveat"]')).toBeNull();
  });

  it('gives each cookie left out its reason: a Path=/admin cookie "path", a Secure cookie on http "Secure"', async () => {
    const tool = await readTool(panel);
    expect(tool.notSent).toEqual({ admin_view: 'path', secure_pref: 'secure' });
    expect(tool.reasonText.admin_view).toContain('Path: sent only under /admin');
    expect(tool.reasonText.secure_pref).toContain('Secure: sent only over https');
    // Chromium agrees: neither was in the header it sent.
    expect(sentByChromium).not.toMatch(/admin_view|secure_pref/);
  });

  it('marks the shadowed name and shows the cookie-shadowed finding for the site', async () => {
    const tool = await readTool(panel);
    expect(tool.sent.filter((c) => c.shadowed === 'true').map((c) => c.name)).toEqual(['sid', 'sid']);
    const detail = await panel.$eval(
      '[data-testid="top-findings"] [data-testid="finding"][data-rule="cookie-shadowed"]',
      (el) => el.textContent ?? '',
    );
    expect(detail).toContain('sid');
    expect(detail).toContain(SHADOW_PARENT);
  });

  it('answers another URL and request kind, and a bad URL inline', async () => {
    await typeInto(panel, 'ws-url', suite.site.url('/admin/users'));
    await panel.waitForFunction(
      () => document.querySelector('[data-testid="ws-sent-cookie"][data-name="admin_view"]') !== null,
      { timeout: 10_000 },
    );
    let tool = await readTool(panel);
    expect(tool.notSent.cart).toBe('path');
    // A cross-site subresource: Lax and Strict cookies stay home (no cookie here has SameSite=None).
    await panel.select('[data-testid="ws-kind"]', 'cross-site-subresource');
    await typeInto(panel, 'ws-site', 'https://other.example');
    await panel.waitForSelector('[data-testid="ws-none-sent"]', { timeout: 10_000 });
    tool = await readTool(panel);
    expect(tool.notSent.admin_view).toBe('samesite');
    // Without a scheme it is no URL (Chromium's parser takes almost anything else): the tool says which to write,
    // and answers nothing until then.
    await typeInto(panel, 'ws-url', `${SHADOW_HOST}/account/home`);
    const error = await panel.waitForSelector('[data-testid="ws-error"][data-problem="invalid-url"]');
    expect(await panel.$eval('[data-testid="ws-url"]', (el) => el.getAttribute('aria-invalid'))).toBe('true');
    expect(await error!.evaluate((el) => el.textContent)).toBe(
      `Give the URL with its scheme, e.g. https://${SHADOW_HOST}/account/home`,
    );
    await panel.click('[data-testid="ws-page-url"]');
    await panel.waitForSelector('[data-testid="ws-result"]');
    expect(await waitForViewState(panel, 'panel')).toBe('ready');
  });

  it('with "third-party cookies blocked" on, a cross-site fetch lists the unpartitioned cookies as not sent, with the reason', async () => {
    const { session } = suite;
    // A cookie a cross-site fetch carries while third-party cookies are allowed: Secure and SameSite=None.
    await session.browser.setCookie({
      name: 'embed_pref',
      value: '1',
      domain: SHADOW_HOST,
      path: '/',
      secure: true,
      sameSite: 'None',
    });
    try {
      await typeInto(panel, 'ws-url', `https://${SHADOW_HOST}/account/home`);
      await panel.select('[data-testid="ws-kind"]', 'cross-site-fetch');
      await typeInto(panel, 'ws-site', 'https://other.example');
      await panel.waitForSelector('[data-testid="ws-sent-cookie"][data-name="embed_pref"]', { timeout: 10_000 });
      let tool = await readTool(panel);
      expect(tool.sent.map((c) => c.name)).toEqual(['embed_pref']);
      expect(JSON.stringify(tool.notSent)).not.toContain('third-party-blocked');

      // The option is a labelled checkbox reached and checked with the keyboard.
      const label = await panel.$eval('[data-testid="ws-block-third-party"]', (el) => el.closest('label')?.textContent);
      expect(label).toContain('Third-party cookies blocked');
      await panel.focus('[data-testid="ws-block-third-party"]');
      await panel.page().keyboard.press('Space');
      await panel.waitForSelector('[data-testid="ws-context"][data-block-third-party="true"]', { timeout: 10_000 });
      tool = await readTool(panel);
      expect(tool.sent).toEqual([]);
      // Every cookie of the site is unpartitioned: each is kept home, embed_pref for that reason alone.
      expect(tool.notSent.embed_pref).toBe('third-party-blocked');
      expect(Object.keys(tool.notSent).sort()).toEqual(['admin_view', 'cart', 'embed_pref', 'secure_pref', 'sid']);
      for (const reasons of Object.values(tool.notSent)) expect(String(reasons)).toContain('third-party-blocked');
      expect(tool.reasonText.embed_pref).toContain('Third-party cookies blocked');
      expect(await panel.$eval('[data-testid="ws-context"]', (el) => el.textContent)).toContain(
        'Third-party cookies count as blocked',
      );
      // The tool open with the option on: no WCAG 2.1 A/AA rule broken.
      expect(await axeViolations(panel)).toEqual([]);
    } finally {
      await panel.click('[data-testid="ws-block-third-party"]');
      await session.control.evaluate(
        (url: string) => browser.cookies.remove({ url, name: 'embed_pref' }).then(() => undefined),
        `https://${SHADOW_HOST}/`,
      );
      await panel.click('[data-testid="ws-page-url"]');
    }
  });
});
