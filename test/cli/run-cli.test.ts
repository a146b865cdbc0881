import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli/run-cli';

/** What the command wrote, without a browser: every case here stops before one is started. */
async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('sessionscope command line, before any browser starts', () => {
  it('exits 2 with one line for a bad option, a bad URL, a lone --expect and a missing module', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['audit', 'http://a.test/', '--fail-on', 'severe'], /--fail-on.*severe/],
      [['audit', 'http://a.test/', '--format', 'xml'], /--format.*xml/],
      [['audit', 'http://a.test/', '--timeout', '-5'], /--timeout must be a positive number/],
      [['audit', 'http://a.test/', '--settle', '1.5'], /--settle must be a positive number of milliseconds, not 1\.5/],
      [['audit', 'ftp://a.test/'], /must be an http or https URL: ftp:\/\/a\.test\/$/],
      [
        ['audit', 'example.com/login'],
        /is not a URL: example\.com\/login; give its scheme, e\.g\. https:\/\/example\.com\/login$/,
      ],
      [
        ['audit', 'localhost:3000'],
        /must be an http or https URL: localhost:3000; give its scheme, e\.g\. http:\/\/localhost:3000\/$/,
      ],
      [['audit', 'app.localhost'], /give its scheme, e\.g\. http:\/\/app\.localhost\/$/],
      [['audit', '[::1]:8080/x'], /give its scheme, e\.g\. http:\/\/\[::1\]:8080\/x$/],
      [['audit', 'nonsense'], /is not a URL: nonsense$/],
      [['audit', 'http://a.test/', '--expect', 'Hi'], /--authenticated and --expect go together/],
      [['audit', 'http://a.test/', '--login', '/nonexistent/login.mjs'], /could not load the --login module/],
      [['audit'], /missing required argument 'url'/],
      [['inspect', 'http://a.test/'], /unknown command 'inspect'/],
    ];
    for (const [argv, reason] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
      expect(r.stdout).toBe('');
    }
  });

  it('exits 2 when no browser is found, naming how to give one', async () => {
    const r = await run(['audit', 'http://a.test/', '--browser-path', '/nonexistent/chrome']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('sessionscope: no executable browser at /nonexistent/chrome\n');
  });

  it('shows help and the version with exit 0', async () => {
    const help = await run(['audit', '--help']);
    expect(help.code).toBe(0);
    for (const option of ['--login', '--logout', '--authenticated', '--expect', '--secret', '--format', '--out']) {
      expect(help.stdout).toContain(option);
    }
    // Commander wraps the help text: compare it with whitespace folded.
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      '--fail-on <severity> exit 1 on findings at this severity or worse (choices: "critical", "high", "medium", "low", "none", default: "high")',
    );
    // The exit codes, in the order a CI step tests them, and an example to copy.
    expect(help.stdout).toMatch(
      /Exit codes:\n {2}0 {2}no finding at --fail-on or worse\n {2}1 {2}findings at --fail-on or worse.*\n {2}2 {2}the audit could not run/,
    );
    expect(help.stdout).toContain('sessionscope audit https://staging.example.com/ --format sarif --out session.sarif');
    const version = await run(['--version']);
    expect([version.code, version.stdout.trim()]).toEqual([0, expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });

  it('prints a stack only with --verbose', async () => {
    const quiet = await run(['audit', 'http://a.test/', '--login', '/nonexistent/login.mjs']);
    expect(quiet.stderr).not.toMatch(/\n\s+at /);
    const verbose = await run(['audit', 'http://a.test/', '--login', '/nonexistent/login.mjs', '--verbose']);
    expect(verbose.stderr).toMatch(/\n\s+at /);
  });
});
