import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { basename, dirname, join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/export/report';
import { useDownloadDir } from './harness/download-dir';
import { allowDownloads, exportReport, reportFileName } from './harness/export-report';
import { reportFindings } from './harness/report-findings';
import { CLI_PATH, behaviour, loginArgs, runCli, type CliRun } from './harness/run-cli';
import { withChromium } from './harness/setup';
import { unusedPort } from './harness/unused-port';
import { EXPECTED_FINDINGS, expectedGrade } from './site/audit-expected';
import { LATE_SESSION_MS, startAuditSite, type RunningAuditSite } from './site/audit-site';
import { startLoginSite, type RunningLoginSite } from './site/login-site';

const HOST = 'cli.audit.localhost';
const PARENT = 'audit.localhost';
const root = resolve(import.meta.dirname, '../..');
const actions = resolve(import.meta.dirname, 'site/actions');
const SARIF_SCHEMA = resolve(
  import.meta.dirname,
  '../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

/** What may differ between two audits of the same site made seconds apart: the times. */
function timeless(report: Report): unknown {
  return {
    ...report,
    generatedAt: null,
    cookies: report.cookies.map((c) => ({
      ...c,
      decoded: c.decoded && {
        ...c.decoded,
        issuedAt: null,
        token: c.decoded.token && { ...c.decoded.token, times: null },
      },
    })),
  };
}

// Each test starts one or more Chromiums through the command; on a shared two-core machine that can take a while.
describe('sessionscope audit (issue 9), real Chromium', { timeout: 120_000 }, () => {
  let site: RunningAuditSite;
  const logins: Partial<Record<'fixation' | 'alive' | 'correct', RunningLoginSite>> = {};
  let out: string;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'sessionscope-cli-'));
    site = await startAuditSite(HOST, { parentDomain: PARENT });
    for (const v of ['fixation', 'alive', 'correct'] as const) logins[v] = await startLoginSite(v);
  });
  afterAll(async () => {
    await site?.stop();
    await Promise.all(Object.values(logins).map((s) => s.stop()));
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('the package: its bin is the built command, and `sessionscope` imports the library', async () => {
    const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      exports: Record<string, { types: string; import: string }>;
    };
    expect(resolve(root, pkg.bin.sessionscope!)).toBe(CLI_PATH);
    expect((await readFile(CLI_PATH, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    for (const file of [pkg.exports['.']!.types, pkg.exports['.']!.import]) {
      expect(existsSync(resolve(root, file)), file).toBe(true);
    }
    // Node resolves a package's own name through its exports: what `import … from 'sessionscope'` loads.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const m = await import('sessionscope'); console.log(Object.keys(m).sort().join(' '))",
      ],
      { cwd: root },
    );
    expect(stdout.trim().split(' ')).toEqual(
      expect.arrayContaining(['auditPage', 'compareSessions', 'snapshotSession']),
    );
  });

  it('the command is bundled whole: copied where no node_modules can be found, it still audits', async () => {
    // It loads no npm package at run time, only Node's own modules: resolving and reading puppeteer-core's hundreds
    // of files took about 150 ms of each audit (scripts/build-node.mjs).
    const away = await mkdtemp(join(tmpdir(), 'sessionscope-cli-'));
    try {
      await cp(dirname(CLI_PATH), away, { recursive: true });
      const run = await runCli(['audit', site.url('/'), '--format', 'json'], {}, join(away, basename(CLI_PATH)));
      expect(run.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)/);
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as Report;
      expect(reportFindings(report)).toEqual(EXPECTED_FINDINGS);
    } finally {
      await rm(away, { recursive: true, force: true });
    }
  });

  it('text: the grade and a table of findings, progress on stderr, exit 1 on high findings', async () => {
    const run = await runCli(['audit', site.url('/')]);
    expect(run.code, run.stderr).toBe(1);
    const { grade, score } = expectedGrade(EXPECTED_FINDINGS);
    expect(run.stdout).toContain(`Grade ${grade} (score ${score})`);
    expect(run.stdout).toMatch(/^critical\s+jwt-alg-none\s+cookie id_token/m);
    expect(run.stdout).toMatch(/^high\s+session-httponly-missing\s+cookie sessionid/m);
    expect(run.stderr).toContain(`Loading ${site.url('/')}`);
    expect(run.stderr).toMatch(/3 findings at high or above \(worst: critical\)/);
  });

  describe('and the extension in Chromium', () => {
    // A site of its own, the same as `site` but for its port: the CLI and the extension audit the same page URL.
    const suite = withChromium({ site: () => startAuditSite(HOST, { parentDomain: PARENT }), open: '/' });
    const downloads = useDownloadDir();

    it('json equals the report the extension exports for the same site, times aside', async () => {
      const cliRun = await runCli(['audit', suite.site.url('/'), '--format', 'json', '--fail-on', 'none']);
      expect(cliRun.code, cliRun.stderr).toBe(0);
      const cli = JSON.parse(cliRun.stdout) as Report;
      expect(reportFindings(cli)).toEqual(EXPECTED_FINDINGS);

      const view = await suite.openReadyView();
      await allowDownloads(view, downloads.path);
      const { report: extension } = await exportReport(view, downloads.path, reportFileName(HOST));
      expect(timeless(cli)).toEqual(timeless(extension));
    });
  });

  it('sarif validates against the SARIF 2.1.0 schema, one rule per id, results at the page and cookie', async () => {
    const file = join(out, 'audit.sarif');
    const run = await runCli(['audit', site.url('/'), '--format', 'sarif', '--out', file]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const log = JSON.parse(await readFile(file, 'utf8')) as Log;
    // The schema's patterns are ECMAScript without the u flag (one has a lone `]`).
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(SARIF_SCHEMA, 'utf8')) as object);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The check is real: a log with a level SARIF does not know fails it.
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.level = 'critical' as never;
    expect(validate(broken)).toBe(false);

    const run0 = log.runs[0]!;
    const ids = run0.tool.driver.rules!.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const alg = run0.results!.find((r) => r.ruleId === 'jwt-alg-none')!;
    expect(alg.level).toBe('error');
    expect(ids[alg.ruleIndex!]).toBe('jwt-alg-none');
    expect(run0.tool.driver.rules![alg.ruleIndex!]!.help?.text).toMatch(/Source: /);
    expect(alg.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe(site.url('/'));
    expect(alg.locations![0]!.logicalLocations![0]!.name).toBe('cookie id_token');
    const expectedCount = Object.values(EXPECTED_FINDINGS).flat().length;
    expect(run0.results).toHaveLength(expectedCount);
  });

  it('exit 2 with a one-line reason and no stack: unreachable URL, bad option, throwing login, no browser', async () => {
    const port = await unusedPort();
    const [unreachable, badOption, throwing, noBrowser] = await Promise.all([
      runCli(['audit', `http://127.0.0.1:${port}/`]),
      runCli(['audit', site.url('/'), '--fail-on', 'severe']),
      runCli(['audit', site.url('/'), '--login', join(actions, 'throwing-login.mjs')]),
      runCli(['audit', site.url('/')], { SESSIONSCOPE_BROWSER_PATH: '/nonexistent/chromium' }),
    ]);
    for (const [run, reason] of [
      [unreachable, /could not load http:\/\/127\.0\.0\.1:\d+\/: .*ERR_CONNECTION_REFUSED/],
      [badOption, /--fail-on.*severe/],
      [throwing, /the login function threw: the login button was not found/],
      [noBrowser, /SESSIONSCOPE_BROWSER_PATH is set to \/nonexistent\/chromium/],
    ] as const) {
      expect(run.code, run.stderr).toBe(2);
      const lines = run.stderr.split('\n').filter((l) => l !== '' && !/^[-✔✖]|^\S*[✔✖]/u.test(l));
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('the login checks fire on a site that keeps its id, and on one whose logout leaves the session alive', async () => {
    const [fixation, alive] = await Promise.all([
      runCli(['audit', logins.fixation!.url('/'), ...loginArgs(logins.fixation!)]),
      runCli(['audit', logins.alive!.url('/'), ...loginArgs(logins.alive!)]),
    ]);
    expect(fixation.code, fixation.stderr).toBe(1);
    expect(behaviour(JSON.parse(fixation.stdout) as Report)).toEqual(['session-not-rotated:high']);
    expect(alive.code, alive.stderr).toBe(1);
    expect(behaviour(JSON.parse(alive.stdout) as Report)).toEqual([
      'session-not-cleared:medium',
      'session-not-invalidated:high',
    ]);
  });

  it('finds the weak secrets of the values the page settles on, whichever value it began with', async () => {
    // /settling changes its signed cookies 100 ms after load, while the audit waits for the page to settle (and
    // searches the values it read first): the report must judge the values the audit ends with.
    const run = await runCli(['audit', site.url('/settling'), '--format', 'json', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    const weak = report.cookies.map((c) => [c.identity.name, c.findings.some((f) => f.ruleId === 'weak-secret')]);
    expect(Object.fromEntries(weak)).toEqual({ weak_token: true, swapped_token: false, late_token: true });
  });

  it('--settle and --wait-for: a session a script sets 3 s after load is audited only when the audit waits', async () => {
    const url = site.url('/late');
    const json = ['--format', 'json', '--fail-on', 'none'];
    const [plain, settle, waitFor, never, badSelector] = await Promise.all([
      runCli(['audit', url, ...json]),
      runCli(['audit', url, ...json, '--settle', String(LATE_SESSION_MS + 500)]),
      runCli(['audit', url, ...json, '--wait-for', '#signed-in']),
      runCli(['audit', url, '--wait-for', '#never', '--timeout', '1500']),
      runCli(['audit', url, '--wait-for', 'p[[']),
    ]);
    const names = (run: CliRun) => {
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as Report).cookies.map((c) => c.identity.name);
    };
    // By default the page counts as settled when two reads 250 ms apart agree, long before the script runs.
    expect(names(plain)).toEqual([]);
    expect(names(settle)).toEqual(['late_sid']);
    expect(names(waitFor)).toEqual(['late_sid']);
    for (const [run, reason] of [
      [never, /^sessionscope: http:\/\/\S+\/late did not show #never within 1500 ms$/],
      // A selector the browser cannot parse is said as such, at once, not as a page that never showed it.
      [badSelector, /^sessionscope: could not wait for p\[\[ on http:\/\/\S+\/late: .*p\[\[/],
    ] as const) {
      expect(run.code, run.stderr).toBe(2);
      const lines = run.stderr.split('\n').filter((l) => l !== '' && !/^[-✔✖]|^\S*[✔✖]/u.test(l));
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
    }
  });

  it('and stay quiet on a site that does both right: exit 0 at --fail-on high', async () => {
    const site = logins.correct!;
    const run = await runCli(['audit', site.url('/'), ...loginArgs(site)]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(behaviour(report)).toEqual([]);
    // The audited session is the logged-in one: the cookie the login issued.
    expect(report.cookies.map((c) => c.identity.name)).toEqual(['sid']);
    expect(report.pageUrl).toBe(site.url('/account'));
  });
});
