import { describe, expect, it } from 'vitest';
import {
  bootstrapMedianInterval,
  median,
  medianAndInterval,
  pairedDifferences,
  pairedRatios,
  signed,
} from '../../bench/stats';
import { seededRandom } from '../fakes/hostile-values';

describe('pairedDifferences', () => {
  it('subtracts each pair, round by round', () => {
    expect(pairedDifferences([10, 20, 30], [12, 19, 36])).toEqual([2, -1, 6]);
  });

  it('refuses measurements that are not paired', () => {
    expect(() => pairedDifferences([1, 2], [1])).toThrow(/differ in number: 2 and 1/);
  });
});

describe('pairedRatios', () => {
  it('divides each pair, round by round', () => {
    expect(pairedRatios([100, 80, 50], [120, 80, 75])).toEqual([1.2, 1, 1.5]);
  });

  it('refuses measurements that are not paired', () => {
    expect(() => pairedRatios([1], [1, 2])).toThrow(/differ in number: 1 and 2/);
  });
});

describe('signed', () => {
  it('writes a difference with its sign, zero as a gain of nothing', () => {
    expect([3, -1.54, 0, 12.25].map(signed)).toEqual(['+3.0', '-1.5', '+0.0', '+12.3']);
  });
});

describe('medianAndInterval', () => {
  it('writes the median and the interval around it with the given writer', () => {
    const values = [1.1, 1.3, 1.2, 1.25, 1.15, 1.4, 1.2];
    const { low, high } = bootstrapMedianInterval(values, seededRandom(9));
    expect(medianAndInterval(values, seededRandom(9), (v) => `${v.toFixed(2)}×`)).toBe(
      `1.20× [${low.toFixed(2)}×, ${high.toFixed(2)}×]`,
    );
    expect(low).toBeLessThan(high);
  });
});

describe('bootstrapMedianInterval', () => {
  const noisy = Array.from({ length: 61 }, (_, i) => 100 + ((i * 37) % 23) - 11);

  it('is a single point when every value is the same', () => {
    expect(bootstrapMedianInterval([7, 7, 7, 7], seededRandom(1))).toEqual({ low: 7, high: 7 });
  });

  it('holds the median of the sample, within the range of the values', () => {
    const { low, high } = bootstrapMedianInterval(noisy, seededRandom(2));
    expect(low).toBeLessThanOrEqual(median(noisy));
    expect(high).toBeGreaterThanOrEqual(median(noisy));
    expect(low).toBeGreaterThanOrEqual(Math.min(...noisy));
    expect(high).toBeLessThanOrEqual(Math.max(...noisy));
    expect(high).toBeGreaterThan(low);
  });

  it('is narrower at a lower level, and the same for the same random sequence', () => {
    const wide = bootstrapMedianInterval(noisy, seededRandom(3), { level: 0.9 });
    const narrow = bootstrapMedianInterval(noisy, seededRandom(3), { level: 0.5 });
    expect(narrow.high - narrow.low).toBeLessThan(wide.high - wide.low);
    expect(bootstrapMedianInterval(noisy, seededRandom(3))).toEqual(wide);
  });

  it('leaves 0 out for a difference that is there, and holds it for one that is not', () => {
    const shifted = noisy.map((v) => v - 100 + 15);
    expect(bootstrapMedianInterval(shifted, seededRandom(4)).low).toBeGreaterThan(0);
    const centred = noisy.map((v) => v - median(noisy));
    const none = bootstrapMedianInterval(centred, seededRandom(5));
    expect(none.low).toBeLessThanOrEqual(0);
    expect(none.high).toBeGreaterThanOrEqual(0);
  });

  it('is not a number for no values', () => {
    expect(bootstrapMedianInterval([], seededRandom(6))).toEqual({ low: Number.NaN, high: Number.NaN });
  });
});
