import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Report } from '../../../src/core/export/report';
import { LOGGED_IN_TEXT, type RunningLoginSite } from '../site/login-site';
import { CHROMIUM_PATH } from './paths';

const root = resolve(import.meta.dirname, '../../..');
/** The built command, as `npx sessionscope` runs it after an install (the package's `bin`). */
export const CLI_PATH = resolve(root, 'dist/cli/sessionscope.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli/sessionscope.js …args` (or the command at `cliPath`) with Debian's Chromium, and collects its
 * output and exit code.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}, cliPath = CLI_PATH): Promise<CliRun> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first.`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: root,
      env: { ...process.env, SESSIONSCOPE_BROWSER_PATH: CHROMIUM_PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const ACTIONS = resolve(import.meta.dirname, '../site/actions');

/** The options of a login/logout audit against one of `site/login-site.ts`'s variants, JSON out. */
export const loginArgs = (site: RunningLoginSite): string[] => [
  '--login',
  resolve(ACTIONS, 'login.mjs'),
  '--logout',
  resolve(ACTIONS, 'logout.mjs'),
  '--authenticated',
  site.url('/account'),
  '--expect',
  LOGGED_IN_TEXT,
  '--format',
  'json',
];

/** The report's login/logout findings (`session-not-*`) as sorted `rule:severity`. */
export function behaviour(report: Report): string[] {
  return [...report.cookies.flatMap((c) => c.findings), ...report.siteFindings]
    .map((f) => `${f.ruleId}:${f.severity}`)
    .filter((r) => r.startsWith('session-not-'))
    .sort();
}
