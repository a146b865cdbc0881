import { createChangeLog, type ChangeLog, type ChangeLogDeps } from '../../src/background/change-log';

type Change = Parameters<ChangeLog['record']>[0];

// One clock for every instance in a test file, as in the browser: a later worker instance starts later.
let clock = 0;

/** A change log as a worker instance starts it, on the file's one clock. */
export function startChangeLog(deps: Omit<ChangeLogDeps, 'now'>): ChangeLog {
  return createChangeLog({ now: () => ++clock, ...deps });
}

/** Records each change as a burst of its own: the next is recorded only once the log has settled the one before. */
export async function recordSettled(log: ChangeLog, ...changes: Change[]): Promise<void> {
  for (const c of changes) {
    log.record(c);
    await log.settled();
  }
}

/** `from`, `from + 1`, … : the seqs of `n` consecutive entries. */
export const seqRange = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i);
