import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { expectAuditExports, expectCriticalBadge, expectExpectedGrade } from './harness/audit-checks';
import { firefoxDownloadPrefs, useDownloadDir } from './harness/download-dir';
import { popupFindings } from './harness/report-findings';
import { withFirefox } from './harness/setup';
import { EXPECTED_FINDINGS } from './site/audit-expected';
import { AUDIT_HOST, AUDIT_PARENT, startAuditSite } from './site/audit-site';

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
describe('Firefox audit (issue 3)', () => {
  // Made before the browser starts: its download preferences name it.
  const downloads = useDownloadDir();
  const suite = withFirefox({
    site: () => startAuditSite(AUDIT_HOST, { parentDomain: AUDIT_PARENT }),
    launch: () => ({
      prefs: {
        'network.dns.localDomains': `${AUDIT_HOST},${AUDIT_PARENT}`,
        ...firefoxDownloadPrefs(downloads.path),
      },
    }),
    open: '/',
  });
  const popup = (): Promise<Page> => suite.openReadyView();

  it('the site set every cookie the table expects, the Domain cookie on the parent included', async () => {
    // By domain, not by URL: Firefox leaves Secure cookies out of `getAll({url})` for an http URL.
    const cookies = await suite.session.control.evaluate(
      async (domain: string) => (await browser.cookies.getAll({ domain })).map((c) => `${c.name} ${c.domain}`).sort(),
      AUDIT_PARENT,
    );
    expect(cookies.map((c) => c.split(' ')[0])).toEqual(Object.keys(EXPECTED_FINDINGS).sort());
    expect(cookies).toContain(`sso_auth .${AUDIT_PARENT}`);
  });

  it('the popup page (?tabId=) shows the same findings per cookie as in Chromium, and the grade', async () => {
    const view = await popup();
    await expectExpectedGrade(view);
    expect(await popupFindings(view, Object.keys(EXPECTED_FINDINGS))).toEqual(EXPECTED_FINDINGS);
  });

  it('the toolbar badge counts critical + high findings, in the critical colour', async () => {
    await expectCriticalBadge(suite.session.control, suite.tabId);
  });

  it('the downloaded report has the same findings as in Chromium and no values by default', async () => {
    const report = await expectAuditExports(await popup(), suite.site, downloads.path);
    // The one real difference: Firefox names its default cookie store otherwise.
    expect(new Set(report.cookies.map((c) => c.identity.storeId))).toEqual(new Set(['firefox-default']));
  });
});
