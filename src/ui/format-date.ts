import { isDateMs } from '../core/date-range';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A readable absolute date in UTC, "2026-11-21 23:34:27 UTC". UTC (not the locale) so that what the
 * panel shows matches what servers and `Set-Cookie` headers say, whatever the tester's time zone.
 */
export function formatDate(ms: number): string {
  if (!isDateMs(ms)) return 'invalid date';
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
  );
}

/** Wall-clock time of a timeline entry, "23:34:27.120", in the user's zone: they compare it with their actions. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}
