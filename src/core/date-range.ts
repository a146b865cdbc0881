/** The furthest a JavaScript Date reaches either side of 1970, in ms (ECMA-262 "Time Values and Time Range"). */
export const MAX_DATE_MS = 8.64e15;

/** Whether a Date can hold `ms`: beyond the range `new Date(ms)` is invalid and `toISOString` throws. */
export function isDateMs(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}
