import { describe, expect, it } from 'vitest';
import { MAX_DATE_MS, isDateMs } from '../../src/core/date-range';

describe('isDateMs', () => {
  it('accepts exactly the times a Date can hold', () => {
    expect(isDateMs(0)).toBe(true);
    expect(isDateMs(MAX_DATE_MS)).toBe(true);
    expect(isDateMs(-MAX_DATE_MS)).toBe(true);
    expect(() => new Date(MAX_DATE_MS).toISOString()).not.toThrow();
  });

  it('refuses what lies beyond, and what is not a number of ms', () => {
    expect(isDateMs(MAX_DATE_MS + 1)).toBe(false);
    expect(() => new Date(MAX_DATE_MS + 1).toISOString()).toThrow(RangeError);
    expect(isDateMs(Number.NaN)).toBe(false);
    expect(isDateMs(Number.POSITIVE_INFINITY)).toBe(false);
  });
});
