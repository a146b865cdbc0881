/**
 * Where a worker instance puts the changes it receives before it has loaded the log's state: one key per batch,
 * `log:stage:<bootId>:<n>`. A boot id starts with the instance's start time in fixed-width base 36, so boot ids
 * sort in start order as plain strings; the random part only separates two instances started in the same
 * millisecond.
 */

export const STAGE_PREFIX = 'log:stage:';
/** What a staged key holds once its batch is in the chunked log: the fold marks it so, in the same `set`. */
export const STAGE_FOLDED = 'folded';

const BOOT_TIME_WIDTH = 10;
const BOOT_RANDOM_WIDTH = 6;
const STAGE_KEY = /^log:stage:([0-9a-z]+):(\d+)$/;

export function makeBootId(startedAt: number, random: number): string {
  const time = Math.max(0, Math.floor(startedAt)).toString(36).padStart(BOOT_TIME_WIDTH, '0');
  const salt = Math.floor(Math.min(Math.max(random, 0), 0.999_999_999) * 36 ** BOOT_RANDOM_WIDTH)
    .toString(36)
    .padStart(BOOT_RANDOM_WIDTH, '0');
  return time + salt;
}

export function stageKey(bootId: string, n: number): string {
  return `${STAGE_PREFIX}${bootId}:${n}`;
}

export function parseStageKey(key: string): { bootId: string; n: number } | undefined {
  const m = STAGE_KEY.exec(key);
  if (!m) return undefined;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) ? { bootId: m[1] as string, n } : undefined;
}

export function isStageKey(key: string): boolean {
  return parseStageKey(key) !== undefined;
}

/** Instances in start order, then each instance's batches in the order it staged them (numerically: 2 < 10). */
export function compareStageKeys(a: string, b: string): number {
  const pa = parseStageKey(a);
  const pb = parseStageKey(b);
  if (pa === undefined || pb === undefined) return a < b ? -1 : a > b ? 1 : 0;
  if (pa.bootId !== pb.bootId) return pa.bootId < pb.bootId ? -1 : 1;
  return pa.n - pb.n;
}
