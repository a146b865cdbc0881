import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/export/report';
import { reportFindings } from './harness/report-findings';
import { FIREFOX_PATH } from './harness/paths';
import { behaviour, loginArgs, runCli } from './harness/run-cli';
import { withSites } from './harness/setup';
import { EXPECTED_FINDINGS, expectedGrade } from './site/audit-expected';
import { startAuditSite } from './site/audit-site';
import { startLoginSite } from './site/login-site';

/** `--browser firefox` with Debian's Firefox ESR (puppeteer-core over WebDriver BiDi); nothing is downloaded. */
const firefox = (args: string[]) =>
  runCli([...args, '--browser', 'firefox'], { SESSIONSCOPE_BROWSER_PATH: FIREFOX_PATH });

// Each run starts a headless Firefox, slower to start than Chromium on a shared two-core machine.
describe('sessionscope audit --browser firefox (issue 9), real Firefox', { timeout: 180_000 }, () => {
  const sites = withSites({
    audit: () => startAuditSite('firefox.cli.audit.localhost', { parentDomain: 'audit.localhost' }),
    fixation: () => startLoginSite('fixation'),
  });

  it('finds what the Chromium audit finds on the same site, with the same grade and exit code', async () => {
    const run = await firefox(['audit', sites.audit.url('/'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(reportFindings(report)).toEqual(EXPECTED_FINDINGS);
    expect(report.grade).toBe(expectedGrade(EXPECTED_FINDINGS).grade);
  });

  it('--wait-for: the session a script sets 3 s after load is audited once the page shows the selector', async () => {
    const run = await firefox([
      'audit',
      sites.audit.url('/late'),
      '--format',
      'json',
      '--fail-on',
      'none',
      '--wait-for',
      '#signed-in',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Report).cookies.map((c) => c.identity.name)).toEqual(['late_sid']);
  });

  it('the login check fires on a site that keeps its session id across the login', async () => {
    const run = await firefox(['audit', sites.fixation.url('/'), ...loginArgs(sites.fixation)]);
    expect(run.code, run.stderr).toBe(1);
    expect(behaviour(JSON.parse(run.stdout) as Report)).toContain('session-not-rotated:high');
  });
});
