import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareText } from '../../src/core/compare-text';

const sign = (n: number) => Math.sign(n);
/** Cookie-name-like text: ASCII letters in both cases, digits, separators, and some non-ASCII. */
const text = fc.string({ unit: fc.constantFrom(...'aAbBzZ09_-.~é€'.split('')), maxLength: 8 });

describe('compareText', () => {
  it('orders by letter ignoring case, then lower case first between texts equal but for case', () => {
    const names = ['b', 'A', 'a', 'B', '_x', 'ab', 'Ab', 'aB', 'a1', 'Z'];
    expect([...names].sort(compareText)).toEqual(['_x', 'a', 'A', 'a1', 'ab', 'aB', 'Ab', 'b', 'B', 'Z']);
  });

  it('puts a prefix before the longer text', () => {
    expect(compareText('sid', 'sid2')).toBe(-1);
    expect(compareText('SID', 'sid2')).toBe(-1);
    expect(compareText('sid2', 'SID')).toBe(1);
  });

  it('is a total order: antisymmetric, zero only for equal texts, transitive', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(sign(compareText(a, b)) + sign(compareText(b, a))).toBe(0);
        expect(compareText(a, b) === 0).toBe(a === b);
        if (compareText(a, b) <= 0 && compareText(b, c) <= 0) expect(compareText(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with comparing the lower-cased ASCII texts whenever those differ', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aAbBcC019_-.'.split('')), maxLength: 6 });
    fc.assert(
      fc.property(ascii, ascii, (a, b) => {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        if (x !== y) expect(sign(compareText(a, b))).toBe(x < y ? -1 : 1);
      }),
    );
  });

  it('does not depend on the locale (no collator)', () => {
    const spy = String.prototype.localeCompare;
    String.prototype.localeCompare = () => {
      throw new Error('localeCompare called');
    };
    try {
      expect(['b', 'a'].sort(compareText)).toEqual(['a', 'b']);
    } finally {
      String.prototype.localeCompare = spy;
    }
  });
});
