import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BADGE_COLORS } from '../../src/background/badge-for';
import { exportReport, reportFileName } from './harness/export-report';
import { hexToRgba, popupFindings, reportFindings } from './harness/report-findings';
import { settledBadge } from './harness/badge';
import { withFirefox } from './harness/setup';
import { EXPECTED_FINDINGS, expectedBadgeCount, expectedGrade } from './site/audit-expected';
import { startAuditSite } from './site/audit-site';

declare const browser: WebExtBrowser;

/*
 * The same site and the same expectations as chromium-audit.e2e.ts. Firefox resolves the `*.localhost` names
 * through `network.dns.localDomains`, keeps Secure cookies on them over http and accepts the Domain cookie on the
 * parent, so every finding is the same as in Chromium. Where the browsers really differ, and why it changes no
 * finding:
 * - `identity.storeId` is `firefox-default` (Chromium: `0`): the browsers name their cookie stores differently.
 * - Firefox's cookies carry `firstPartyDomain` (first-party isolation); the report has no field for it.
 * - `cookies.getAll({url})` leaves Secure cookies out for an http URL in Firefox (not in Chromium); the extension
 *   reads by domain, and so does the first test here.
 * The report is the downloaded file: Firefox saves `<a download>` without asking when `browser.download.dir`,
 * `folderList=2` and `useDownloadDir` are set.
 */
const HOST = 'app.audit.localhost';
const PARENT = 'audit.localhost';

describe('Firefox audit (issue 3)', () => {
  let downloads = '';
  const suite = withFirefox({
    site: () => startAuditSite(HOST, { parentDomain: PARENT }),
    launch: async () => {
      downloads = await mkdtemp(join(tmpdir(), 'sessionscope-ff-downloads-'));
      return {
        prefs: {
          'network.dns.localDomains': `${HOST},${PARENT}`,
          'browser.download.dir': downloads,
          'browser.download.folderList': 2,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
        },
      };
    },
    open: '/',
  });
  afterAll(async () => {
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });
  const popup = (): Promise<Page> => suite.openReadyView();

  it('the site set every cookie the table expects, the Domain cookie on the parent included', async () => {
    // By domain, not by URL: Firefox leaves Secure cookies out of `getAll({url})` for an http URL.
    const cookies = await suite.session.control.evaluate(
      async (domain: string) => (await browser.cookies.getAll({ domain })).map((c) => `${c.name} ${c.domain}`).sort(),
      PARENT,
    );
    expect(cookies.map((c) => c.split(' ')[0])).toEqual(Object.keys(EXPECTED_FINDINGS).sort());
    expect(cookies).toContain(`sso_auth .${PARENT}`);
  });

  it('the popup page (?tabId=) shows the same findings per cookie as in Chromium, and the grade', async () => {
    const view = await popup();
    const { score, grade } = expectedGrade(EXPECTED_FINDINGS);
    expect(
      await view.$eval('[data-testid="grade"]', (el) => [el.getAttribute('data-grade'), el.getAttribute('data-score')]),
    ).toEqual([grade, String(score)]);
    expect(await popupFindings(view, Object.keys(EXPECTED_FINDINGS))).toEqual(EXPECTED_FINDINGS);
  });

  it('the toolbar badge counts critical + high findings, in the critical colour', async () => {
    const want = String(expectedBadgeCount(EXPECTED_FINDINGS));
    const last = await settledBadge(suite.session.control, suite.tabId, want);
    expect(last).toEqual({ text: want, color: hexToRgba(BADGE_COLORS.critical) });
  });

  it('the downloaded report has the same findings as in Chromium and no values by default', async () => {
    const view = await popup();
    const fileName = reportFileName(HOST);
    const path = join(downloads, fileName);
    const exportOnce = () => exportReport(view, downloads, fileName);

    const { text, report } = await exportOnce();
    expect(report.host).toBe(HOST);
    expect(report.pageUrl).toBe(suite.site.url('/'));
    expect(reportFindings(report)).toEqual(EXPECTED_FINDINGS);
    expect(report.siteFindings).toEqual([]);
    const { score, grade } = expectedGrade(EXPECTED_FINDINGS);
    expect([report.grade, report.score]).toEqual([grade, score]);
    expect(report.summary.serious).toBe(expectedBadgeCount(EXPECTED_FINDINGS));
    expect(report.valuesIncluded).toBe(false);
    for (const [name, value] of suite.site.values) {
      expect(text.includes(value), `value of ${name} in the redacted report`).toBe(false);
      expect(report.cookies.find((c) => c.identity.name === name)?.value).toBeNull();
    }
    // The one real difference: Firefox names its default cookie store otherwise.
    expect(new Set(report.cookies.map((c) => c.identity.storeId))).toEqual(new Set(['firefox-default']));

    await rm(path);
    await view.click('[data-testid="include-values"]');
    const withValues = await exportOnce();
    expect(withValues.report.valuesIncluded).toBe(true);
    for (const [name, value] of suite.site.values) {
      expect(withValues.report.cookies.find((c) => c.identity.name === name)?.value, `value of ${name}`).toBe(value);
    }
  });
});
