import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/export/report';
import { expectAuditExports, expectCriticalBadge, expectExpectedGrade } from './harness/audit-checks';
import { useDownloadDir } from './harness/download-dir';
import { allowDownloads } from './harness/export-report';
import { popupFindings, reportFindings, shownFindings } from './harness/report-findings';
import { withChromium } from './harness/setup';
import { row } from './harness/views';
import { waitUntil } from './harness/wait';
import { EXPECTED_FINDINGS } from './site/audit-expected';
import { AUDIT_HOST, AUDIT_PARENT, startAuditSite } from './site/audit-site';

declare const browser: WebExtBrowser;

describe('Chromium audit (issue 3)', () => {
  const suite = withChromium({ site: () => startAuditSite(AUDIT_HOST, { parentDomain: AUDIT_PARENT }), open: '/' });
  const downloads = useDownloadDir();
  const popup = (): Promise<Page> => suite.openReadyView();

  it('the site set every cookie the table expects, and only those', async () => {
    const names = await suite.session.control.evaluate(
      async (url: string) => (await browser.cookies.getAll({ url })).map((c) => c.name).sort(),
      suite.site.url('/'),
    );
    expect(names).toEqual(Object.keys(EXPECTED_FINDINGS).sort());
  });

  it('the popup shows the grade, the worst finding first, and each cookie its findings', async () => {
    const view = await popup();
    await expectExpectedGrade(view);
    const top = await view.$$eval('[data-testid="top-findings"] [data-testid="finding"]', (els) =>
      els.map((el) => `${el.getAttribute('data-rule')}:${el.getAttribute('data-severity')}`),
    );
    expect(top[0]).toBe('jwt-alg-none:critical');
    expect(top.slice(1, 3)).toEqual(['session-httponly-missing:high', 'session-secure-missing:high'].sort());

    const names = Object.keys(EXPECTED_FINDINGS);
    expect(await popupFindings(view, names)).toEqual(EXPECTED_FINDINGS);
    // A cookie without findings says so, and the row counts match.
    expect(await view.$(`${row('lang')} [data-testid="cookie-detail"] [data-testid="no-findings"]`)).not.toBeNull();
    for (const name of names) {
      const count = await view.$eval(row(name), (el) => el.getAttribute('data-findings'));
      expect(count, `data-findings of ${name}`).toBe(String(EXPECTED_FINDINGS[name]!.length));
    }
    // Each finding shows an explanation, a fix and its source.
    const first = await view.$eval(
      `${row('sessionid')} [data-testid="finding"][data-rule="session-secure-missing"]`,
      (el) => ({
        explanation: el.querySelector('.explanation')?.textContent ?? '',
        fix: el.querySelector('.fix')?.textContent ?? '',
        source: el.querySelector('.source a')?.getAttribute('href') ?? '',
      }),
    );
    expect(first.explanation.length).toBeGreaterThan(10);
    expect(first.fix).toMatch(/Secure/);
    expect(first.source).toMatch(/^https:\/\//);
  });

  it('the session card says how each session cookie works and leads to it, in the popup and the panel', async () => {
    const mechanism = async (view: Page, name: string) => {
      const key = await view.$eval(row(name), (el) => el.getAttribute('data-key') ?? '');
      const li = await view.waitForSelector(`[data-testid="session-mechanism"][data-key=${JSON.stringify(key)}]`);
      const facts = await li!.evaluate((el) => [
        el.getAttribute('data-kind'),
        el.getAttribute('data-protection'),
        el.getAttribute('data-script-readable'),
        el.getAttribute('data-cross-site'),
      ]);
      return { li: li!, facts };
    };
    const view = await popup();
    // Folded in the popup, so the findings stay in sight; the heading opens it.
    await view.click('[data-testid="session-card"] summary');
    const sessionid = await mechanism(view, 'sessionid');
    expect(sessionid.facts).toEqual(['server-session-id', 'opaque', 'true', 'top-level-navigations']);
    expect((await mechanism(view, 'id_token')).facts).toEqual(['jwt', 'unsigned', 'false', 'never']);
    await (await sessionid.li.$('[data-testid="session-mechanism-link"]'))!.click();
    await view.waitForSelector(`${row('sessionid')} [data-testid="cookie-detail"]`);

    const panel = await suite.openReadyView('panel');
    const inPanel = await mechanism(panel, 'id_token');
    await (await inPanel.li.$('[data-testid="session-mechanism-link"]'))!.click();
    await waitUntil('the detail pane shows id_token', () =>
      panel.$eval('[data-testid="detail"]', (el) =>
        el.querySelector('[data-testid="cookie-name"]')?.textContent === 'id_token' ? true : undefined,
      ),
    );
  });

  it("the toolbar badge counts the tab's critical + high findings, in the critical colour", async () => {
    await expectCriticalBadge(suite.session.control, suite.tabId);
  });

  it('the panel has a findings column, the "with findings only" filter, per-cookie findings and the export', async () => {
    const view = await suite.openReadyView('panel');
    expect(await view.$('[data-testid="sort-findings"]')).not.toBeNull();
    const names = () =>
      view.$$eval('[data-testid="cookie-row"]', (els) => els.map((el) => el.getAttribute('data-name') ?? '').sort());
    const all = Object.keys(EXPECTED_FINDINGS).sort();
    expect(await names()).toEqual(all);
    await view.click('[data-testid="filter-findings"]');
    const withFindings = all.filter((n) => EXPECTED_FINDINGS[n]!.length > 0);
    await waitUntil('only cookies with findings', async () =>
      JSON.stringify(await names()) === JSON.stringify(withFindings) ? true : undefined,
    );
    await view.click(row('csrftoken'));
    const detail = await view.waitForSelector('[data-testid="detail"] [data-testid="cookie-detail"]');
    expect(await shownFindings(detail!)).toEqual(EXPECTED_FINDINGS.csrftoken);
    expect(await view.$('[data-testid="export-report"]')).not.toBeNull();
    expect(await view.$('[data-testid="copy-report"]')).not.toBeNull();
  });

  it('the exported report file has exactly the expected findings per cookie, and no values by default', async () => {
    const view = await popup();
    await allowDownloads(view, downloads.path);
    const report = await expectAuditExports(view, suite.site, downloads.path);
    const sso = report.cookies.find((c) => c.identity.name === 'sso_auth')!;
    expect([sso.identity.domain, sso.flags.hostOnly]).toEqual([`.${AUDIT_PARENT}`, false]);
    expect(report.cookies.find((c) => c.identity.name === 'id_token')?.decoded?.token?.unsigned).toBe(true);
  });

  it('"Copy JSON" puts the same report on the clipboard and says "Copied"', async () => {
    const view = await popup();
    // Node parses chrome-extension: URLs as opaque, so the origin is spelled out.
    const origin = `chrome-extension://${suite.session.extensionId}`;
    await suite.session.browser
      .defaultBrowserContext()
      .overridePermissions(origin, ['clipboard-read', 'clipboard-write']);
    await view.bringToFront();
    await view.click('[data-testid="copy-report"]');
    const outcome = await view.waitForSelector(
      '[data-testid="export-outcome"]:not([data-outcome="idle"]):not([data-outcome="working"])',
    );
    expect(await outcome!.evaluate((el) => [el.getAttribute('data-outcome'), el.textContent])).toEqual([
      'copied',
      'Copied',
    ]);
    const report = JSON.parse(await view.evaluate(() => navigator.clipboard.readText())) as Report;
    expect(reportFindings(report)).toEqual(EXPECTED_FINDINGS);
    expect(report.valuesIncluded).toBe(false);
  });
});
