import type { CookieRecord } from './cookie-record';
import { isDateMs } from '../date-range';

export type ExpiryInfo =
  { kind: 'session' } | { kind: 'expires'; iso: string; relative: string; expired: boolean; remainingMs: number };

const UNITS: ReadonlyArray<[string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['min', 60_000],
  ['s', 1000],
];

/** A coarse human duration: "13 days", "2 h", "45 s". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return 'less than a second';
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      if (unit === 'y') return `${n} year${n === 1 ? '' : 's'}`;
      if (unit === 'd') return `${n} day${n === 1 ? '' : 's'}`;
      return `${n} ${unit}`;
    }
  }
  return `${Math.round(abs / 1000)} s`;
}

/** "in 13 days" or "expired 2 h ago" (or "2 h ago" for past times that are not expiries). */
export function formatRelative(targetMs: number, nowMs: number, pastPrefix = 'expired '): string {
  const d = targetMs - nowMs;
  return d >= 0 ? `in ${formatDuration(d)}` : `${pastPrefix}${formatDuration(d)} ago`;
}

export function describeExpiry(c: Pick<CookieRecord, 'browserSession' | 'expirationDate'>, nowMs: number): ExpiryInfo {
  if (c.browserSession || c.expirationDate === undefined) return { kind: 'session' };
  const ms = c.expirationDate * 1000;
  if (!isDateMs(ms)) return { kind: 'session' };
  const remainingMs = ms - nowMs;
  return {
    kind: 'expires',
    iso: new Date(ms).toISOString(),
    relative: formatRelative(ms, nowMs),
    expired: remainingMs <= 0,
    remainingMs,
  };
}
