import type { Ora } from 'ora';
import type { AuditStep } from '../headless/audit-page';
import { terminalText } from './terminal-text';

const LABEL: Record<AuditStep, string> = {
  visit: 'Loading',
  wait: 'Waiting for',
  read: 'Reading cookies and storage of',
  login: 'Logging in:',
  'check-login': 'Checking the login at',
  logout: 'Logging out:',
  replay: 'Replaying the old session at',
  analyse: 'Auditing',
};

export interface Progress {
  step(step: AuditStep, detail: string): void;
  done(): void;
  fail(): void;
}

/**
 * One spinner line per step on stderr (ora: animated in a terminal, a plain line per step in CI logs), so
 * stdout carries only the result. ora and its terminal helpers are loaded only when progress is shown: a
 * `--format json` run in CI never needs them, and loading them is a measurable share of the command's start-up.
 */
export async function createProgress(
  enabled: boolean,
  stream: NodeJS.WritableStream = process.stderr,
): Promise<Progress> {
  if (!enabled) return { step: () => undefined, done: () => undefined, fail: () => undefined };
  const { default: ora } = await import('ora');
  let spinner: Ora | undefined;
  // Outside a terminal ora prints each step's text once when it starts; a second "done" line adds nothing.
  const finish = () => (spinner?.isEnabled ? spinner.succeed() : spinner?.stop());
  return {
    step(step, detail) {
      finish();
      spinner = ora({ text: `${LABEL[step]} ${terminalText(detail, 120)}`, stream, discardStdin: false }).start();
    },
    done() {
      finish();
      spinner = undefined;
    },
    fail() {
      spinner?.fail();
      spinner = undefined;
    },
  };
}
