import type { Page } from 'puppeteer-core';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BADGE_COLORS } from '../../../src/background/badge-for';
import type { Report } from '../../../src/core/export/report';
import { EXPECTED_FINDINGS, expectedBadgeCount, expectedGrade } from '../site/audit-expected';
import type { RunningAuditSite } from '../site/audit-site';
import { settledBadge } from './badge';
import { exportReport, reportFileName } from './export-report';
import { hexToRgba, reportFindings } from './report-findings';

/*
 * The checks the Chromium and the Firefox audit suites share: the audit site gives the same findings in both
 * browsers, so the grade, the badge and the exported report must be the same.
 */

/** The grade and score the view shows are those the expected findings give. */
export async function expectExpectedGrade(view: Page): Promise<void> {
  const { score, grade } = expectedGrade(EXPECTED_FINDINGS);
  expect(
    await view.$eval('[data-testid="grade"]', (el) => [el.getAttribute('data-grade'), el.getAttribute('data-score')]),
  ).toEqual([grade, String(score)]);
}

/** The toolbar badge of `tabId` settles on the count of critical + high findings, in the critical colour. */
export async function expectCriticalBadge(extensionPage: Page, tabId: number): Promise<void> {
  const want = String(expectedBadgeCount(EXPECTED_FINDINGS));
  const last = await settledBadge(extensionPage, tabId, want);
  expect(last).toEqual({ text: want, color: hexToRgba(BADGE_COLORS.critical) });
}

/**
 * Exports the report of the audit site's page `/` from `view` into `downloads` (where the browser saves without
 * asking) twice and checks both files. By default: exactly the expected findings per
 * cookie, grade, score and serious count, and no value anywhere (each one null, marked redacted, with its length);
 * with "include values" switched on: the same findings and every value the site set. Returns the redacted report
 * for each browser's own checks.
 */
export async function expectAuditExports(view: Page, site: RunningAuditSite, downloads: string): Promise<Report> {
  const fileName = reportFileName(site.host);
  const exportOnce = () => exportReport(view, downloads, fileName);

  const { text, report } = await exportOnce();
  expect(report.schema).toBe(2);
  expect(report.host).toBe(site.host);
  expect(report.pageUrl).toBe(site.url('/'));
  expect(reportFindings(report)).toEqual(EXPECTED_FINDINGS);
  expect(report.siteFindings).toEqual([]);
  const { score, grade } = expectedGrade(EXPECTED_FINDINGS);
  expect([report.grade, report.score]).toEqual([grade, score]);
  expect(report.summary.serious).toBe(expectedBadgeCount(EXPECTED_FINDINGS));
  expect(report.valuesIncluded).toBe(false);
  for (const [name, value] of site.values) {
    expect(text.includes(value), `value of ${name} in the redacted report`).toBe(false);
    const cookie = report.cookies.find((c) => c.identity.name === name)!;
    expect({ value: cookie.value, redacted: cookie.valueRedacted, length: cookie.valueLength }).toEqual({
      value: null,
      redacted: true,
      length: value.length,
    });
  }

  // With the switch on, the same export carries the values the site set.
  await rm(join(downloads, fileName));
  await view.click('[data-testid="include-values"]');
  const withValues = await exportOnce();
  expect(withValues.report.valuesIncluded).toBe(true);
  for (const [name, value] of site.values) {
    expect(withValues.report.cookies.find((c) => c.identity.name === name)?.value, `value of ${name}`).toBe(value);
  }
  expect(reportFindings(withValues.report)).toEqual(EXPECTED_FINDINGS);
  return report;
}
