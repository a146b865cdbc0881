export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
export const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** A difference with its sign: `+3.0`, `-1.5`, `+0.0`. */
export const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;

/** `combine(before[i], after[i])` for each pair of measurements taken side by side (the same round). */
function paired(
  before: readonly number[],
  after: readonly number[],
  combine: (before: number, after: number) => number,
): number[] {
  if (before.length !== after.length) {
    throw new Error(`paired measurements differ in number: ${before.length} and ${after.length}`);
  }
  return after.map((v, i) => combine(before[i]!, v));
}

/** `after[i] - before[i]` for each pair of measurements taken side by side (the same round). */
export function pairedDifferences(before: readonly number[], after: readonly number[]): number[] {
  return paired(before, after, (b, a) => a - b);
}

/**
 * `after[i] / before[i]` for each pair taken side by side: how many times the reference's time each opening took,
 * measured against the reference opened in the same round.
 */
export function pairedRatios(before: readonly number[], after: readonly number[]): number[] {
  return paired(before, after, (b, a) => a / b);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * A percentile bootstrap interval for the median of `values`: the median of `resamples` resamples (drawn with
 * replacement, `random` in [0, 1)), cut at the tails that leave `level` of them. Says how far a median of so
 * few noisy openings can be trusted: an interval that holds 0 is no evidence of a difference.
 */
export function bootstrapMedianInterval(
  values: readonly number[],
  random: () => number,
  { resamples = 2000, level = 0.9 }: { resamples?: number; level?: number } = {},
): Interval {
  if (values.length === 0) return { low: Number.NaN, high: Number.NaN };
  const medians: number[] = [];
  const sample = new Array<number>(values.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < values.length; i++) sample[i] = values[Math.floor(random() * values.length)]!;
    medians.push(median(sample));
  }
  medians.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  const at = (q: number) => medians[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { low: at(tail), high: at(1 - tail) };
}

/** `median [low, high]`: the median of `values` and its bootstrap 90 % interval, each written by `write`. */
export function medianAndInterval(
  values: readonly number[],
  random: () => number,
  write: (v: number) => string,
): string {
  const { low, high } = bootstrapMedianInterval(values, random);
  return `${write(median(values))} [${write(low)}, ${write(high)}]`;
}
