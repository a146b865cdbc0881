import { Command, CommanderError, Option } from 'commander';
import { writeFile } from 'node:fs/promises';

import { AuditError, messageOf } from '../headless/audit-error';
import type { AuditPageOptions, PageAudit } from '../headless/audit-page';
import type { BrowserKind } from '../headless/find-browser';
import { packageVersion } from '../headless/version';
import type { OutputFormat } from './audit-run';
import { loadAction } from './load-action';
import { createProgress } from './progress';
import { parseUrl } from '../core/parse-url';
import { urlWithSchemeGuessed } from '../core/scheme-guess';

/** 0: no finding at or above --fail-on; 1: findings; 2: the audit could not run. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

export type { OutputFormat };
export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface AuditArgs {
  url: string;
  login?: string;
  logout?: string;
  authenticated?: string;
  expect?: string;
  secret: string[];
  format: OutputFormat;
  out?: string;
  failOn: FailOn;
  timeout: number;
  settle: number;
  waitFor?: string;
  browser: BrowserKind;
  browserPath?: string;
  includeValues: boolean;
  weakSecrets: boolean;
  verbose: boolean;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Progress lines go to this stream (stderr). */
  progressStream?: NodeJS.WritableStream;
}

const defaultIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  progressStream: process.stderr,
};

/** A parser for an option of milliseconds: a positive whole number, or a bad-option error naming it. */
function milliseconds(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new AuditError('bad-option', `${option} must be a positive number of milliseconds, not ${value}`);
    return n;
  };
}

/** What to write instead of a URL given without its scheme, or ''. */
function schemeHint(value: string): string {
  const guess = urlWithSchemeGuessed(value);
  return guess === null ? '' : `; give its scheme, e.g. ${guess}`;
}

function httpUrl(value: string, option: string): string {
  const u = parseUrl(value);
  if (!u) throw new AuditError('bad-option', `${option} is not a URL: ${value}${schemeHint(value)}`);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new AuditError('bad-option', `${option} must be an http or https URL: ${value}${schemeHint(value)}`);
  }
  return u.href;
}

/** `sessionscope audit <url>`: runs the audit in a headless system browser and returns the exit code. */
export async function runAuditCommand(args: AuditArgs, io: CliIo): Promise<number> {
  const url = httpUrl(args.url, 'the URL');
  if ((args.authenticated === undefined) !== (args.expect === undefined)) {
    throw new AuditError(
      'bad-option',
      '--authenticated and --expect go together: a page, and the text it shows when logged in',
    );
  }
  const authenticated =
    args.authenticated !== undefined && args.expect !== undefined
      ? { url: httpUrl(args.authenticated, '--authenticated'), expect: args.expect }
      : undefined;
  const login = args.login !== undefined ? await loadAction(args.login, 'login') : undefined;
  const logout = args.logout !== undefined ? await loadAction(args.logout, 'logout') : undefined;
  const progress = await createProgress(args.format === 'text' || args.verbose, io.progressStream);
  // Loaded here, not at the top, so `--help` and bad options answer without loading the browser driver or core.
  // The browser starts first; core's modules load while it does.
  const { launchBrowser } = await import('../headless/launch-browser');
  const launching = launchBrowser({ kind: args.browser, path: args.browserPath, env: io.env });
  const auditing = import('./audit-run');
  // Awaited below; a launch that fails first must not leave this rejection unhandled.
  auditing.catch(() => undefined);
  const browser = await launching;
  let closing: Promise<unknown> | undefined;
  let audit: PageAudit;
  let run: Awaited<typeof auditing>;
  try {
    run = await auditing;
    const page = await browser.newPage();
    const options: AuditPageOptions = {
      url,
      secrets: args.secret,
      timeoutMs: args.timeout,
      settleMs: args.settle,
      weakSecrets: args.weakSecrets,
      includeValues: args.includeValues,
      onStep: (step, detail) => progress.step(step, detail),
    };
    if (args.waitFor !== undefined) options.waitFor = args.waitFor;
    if (login) options.login = login;
    if (logout) options.logout = logout;
    if (authenticated) options.authenticated = authenticated;
    const observed = await run.observeSession(page, options);
    // The page is no longer needed: the browser shuts down while the findings are computed.
    closing = browser.close().catch(() => undefined);
    audit = await run.analyseObserved(observed, options);
    progress.done();
  } catch (e) {
    progress.fail();
    throw e;
  } finally {
    await (closing ?? browser.close().catch(() => undefined));
  }
  const text = run.output(audit, args.format);
  if (args.out !== undefined) {
    try {
      await writeFile(args.out, text);
    } catch (e) {
      throw new AuditError('bad-option', `could not write ${args.out}: ${messageOf(e)}`, { cause: e });
    }
  } else {
    io.stdout(text);
  }
  const failing = run.findingsAtOrAbove(audit.findings, args.failOn);
  if (failing.length === 0) return EXIT.clean;
  const worst = failing[0]!.severity;
  io.stderr(
    `sessionscope: ${failing.length} finding${failing.length === 1 ? '' : 's'} at ${args.failOn} or above (worst: ${worst})\n`,
  );
  return EXIT.findings;
}

/** What `audit --help` adds after the options: the exit codes a CI step tests, and two examples. */
const AUDIT_HELP_AFTER = `
Exit codes:
  ${EXIT.clean}  no finding at --fail-on or worse
  ${EXIT.findings}  findings at --fail-on or worse (one line on stderr counts them)
  ${EXIT.error}  the audit could not run: unreachable URL, bad option, a login or logout module that threw, no
     browser, or an --authenticated page that does not show --expect when logged in; one line on stderr says why

Examples:
  sessionscope audit https://staging.example.com/ --format sarif --out session.sarif
  sessionscope audit http://localhost:3000/ --login ./login.mjs --logout ./logout.mjs --fail-on medium
`;

function program(io: CliIo, run: (args: AuditArgs) => void): Command {
  const cmd = new Command('sessionscope')
    .description("Audit a site's session (cookies, tokens, login and logout) in a headless browser.")
    .version(packageVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  cmd
    .command('audit')
    .description('Visit <url> in a headless system browser and audit its session like the SessionScope extension.')
    .argument('<url>', 'the page to audit (http or https)')
    .option('--login <module.mjs>', 'ES module exporting async (page) => { … } that logs in')
    .option('--logout <module.mjs>', 'ES module exporting async (page) => { … } that logs out')
    .option('--authenticated <url>', 'a page that shows --expect only when logged in')
    .option('--expect <text>', 'the text of --authenticated that proves a logged-in request')
    .option(
      '--secret <value>',
      'a secret or key to verify signatures with (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--out <file>', 'write the output to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 on findings at this severity or worse')
        .choices([...FAIL_ON])
        .default('high'),
    )
    .option(
      '--timeout <ms>',
      'navigation, --wait-for and request timeout in milliseconds',
      milliseconds('--timeout'),
      30_000,
    )
    .option(
      '--settle <ms>',
      'how long cookies and storage must stay unchanged before they are read',
      milliseconds('--settle'),
      250,
    )
    .option('--wait-for <selector>', 'after loading, wait for an element matching this CSS selector')
    .addOption(new Option('--browser <browser>', 'browser to drive').choices(['chrome', 'firefox']).default('chrome'))
    .option('--browser-path <path>', 'the browser executable (else SESSIONSCOPE_BROWSER_PATH, else the system browser)')
    .option('--include-values', 'put cookie values in the JSON report', false)
    .option('--no-weak-secrets', 'skip the check of signed values against default secrets')
    .option('--verbose', 'progress in every format, and stack traces of errors', false)
    .addHelpText('after', AUDIT_HELP_AFTER)
    .action((url: string, opts: Omit<AuditArgs, 'url'>) => run({ ...opts, url }));
  return cmd;
}

/** Parses `argv` (without node and the script) and runs the command; never throws, returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let args: AuditArgs | undefined;
  const verbose = argv.includes('--verbose');
  try {
    await program(io, (a) => {
      args = a;
    }).parseAsync([...argv], { from: 'user' });
    if (!args) return EXIT.clean;
    return await runAuditCommand(args, io);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end here with code 0; commander already wrote its one-line reason.
      return e.exitCode === 0 ? EXIT.clean : EXIT.error;
    }
    io.stderr(`sessionscope: ${messageOf(e)}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.error;
  }
}
