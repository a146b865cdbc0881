import type { Browser } from 'playwright-core';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, compareSessions, findingsAtOrAbove, snapshotSession } from '../../src/headless/index';
import { launchPlaywrightChromium } from './harness/playwright';
import { withSites } from './harness/setup';
import { reportFindings } from './harness/report-findings';
import { EXPECTED_FINDINGS } from './site/audit-expected';
import { LATE_SESSION_MS, startAuditSite } from './site/audit-site';
import { LOGGED_IN_TEXT, startLoginSite } from './site/login-site';

const actions = resolve(import.meta.dirname, 'site/actions');
type Action = (page: unknown) => Promise<void>;
const load = async (file: string) => ((await import(join(actions, file))) as { default: Action }).default;

/**
 * The library inside a team's own browser tests: a Playwright page (playwright-core driving Debian's Chromium)
 * handed to auditPage, snapshotSession and compareSessions, typed through the structural page type.
 */
describe('the sessionscope library on a Playwright page (issue 9)', () => {
  const sites = withSites({
    audit: () => startAuditSite('pw.audit.localhost', { parentDomain: 'audit.localhost' }),
    fixation: () => startLoginSite('fixation', 'pw.login.localhost'),
  });
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchPlaywrightChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('auditPage finds what the extension finds, SameSite-less cookies included', async () => {
    const page = await browser.newPage();
    try {
      const audit = await auditPage(page, { url: sites.audit.url('/') });
      expect(reportFindings(audit.report)).toEqual(EXPECTED_FINDINGS);
      expect(findingsAtOrAbove(audit.findings, 'high').map((f) => f.ruleId)).toEqual([
        'jwt-alg-none',
        'session-httponly-missing',
        'session-secure-missing',
      ]);
    } finally {
      await page.close();
    }
  });

  it('waitFor and settleMs on a Playwright page: the session a script sets 3 s after load', async () => {
    const url = sites.audit.url('/late');
    // Each audit in a context of its own: the cookie one audit saw set must not be in the jar of the next.
    const inFreshContext = async (options: Omit<Parameters<typeof auditPage>[1] & object, 'url'>) => {
      const context = await browser.newContext();
      try {
        const audit = await auditPage(await context.newPage(), { url, ...options });
        return audit.report.cookies.map((c) => c.identity.name);
      } finally {
        await context.close();
      }
    };
    expect(await inFreshContext({})).toEqual([]);
    expect(await inFreshContext({ waitFor: '#signed-in' })).toEqual(['late_sid']);
    expect(await inFreshContext({ settleMs: LATE_SESSION_MS + 500 })).toEqual(['late_sid']);
    await expect(inFreshContext({ waitFor: 'p[[' })).rejects.toThrow(/^could not wait for p\[\[ on \S+\/late: .*p\[\[/);
    await expect(inFreshContext({ waitFor: '#never', timeoutMs: 1_000 })).rejects.toThrow(
      /\/late did not show #never within 1000 ms$/,
    );
  });

  it('a login of the test’s own, checked with snapshotSession + compareSessions, and auditPage with login/logout', async () => {
    const login = await load('login.mjs');
    const page = await browser.newPage();
    try {
      await page.goto(sites.fixation.url('/'));
      const before = await snapshotSession(page);
      await login(page);
      const after = await snapshotSession(page);
      const result = await compareSessions(before, after, 'login');
      expect(result.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['session-not-rotated:high']);
      expect(result.changes.map((c) => [c.name, c.fate])).toEqual([['sid', 'kept']]);
    } finally {
      await page.close();
    }

    const fresh = await browser.newContext();
    const page2 = await fresh.newPage();
    try {
      const audit = await auditPage(page2, {
        url: sites.fixation.url('/'),
        login,
        logout: await load('logout.mjs'),
        authenticated: { url: sites.fixation.url('/account'), expect: LOGGED_IN_TEXT },
      });
      expect(audit.login?.findings.map((f) => f.ruleId)).toEqual(['session-not-rotated']);
      // This site's logout is right: the replay in a fresh context is logged out.
      expect(audit.replay?.loggedIn).toBe(false);
      expect(audit.findings.filter((f) => f.ruleId.startsWith('session-not-')).map((f) => f.ruleId)).toEqual([
        'session-not-rotated',
      ]);
    } finally {
      await fresh.close();
    }
  });
});
