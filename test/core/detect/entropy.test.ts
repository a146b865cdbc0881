import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alphabetSize, estimateEntropyBits } from '../../../src/core/detect/entropy';

describe('estimateEntropyBits', () => {
  it.each([
    ['', 0, 0],
    ['0123456789', 10, 10 * Math.log2(10)],
    ['deadbeef', 16, 32],
    ['DEADBEEF01', 16, 40],
    ['abcxyz0189', 36, 10 * Math.log2(36)],
    ['aZ09aZ09', 62, 8 * Math.log2(62)],
    ['ab+/cd==', 64, 6 * 6],
    ['a_b-c', 64, 5 * 6],
  ])('%j: alphabet %i, %f bits', (value, size, bits) => {
    expect(alphabetSize(value)).toBe(size);
    expect(estimateEntropyBits(value)).toBeCloseTo(bits, 6);
  });

  it('counts characters outside every standard alphabet as the 95 printable ones', () => {
    expect(alphabetSize('a b!')).toBe(95);
  });

  it('rates a PHP session id (26 characters of [0-9a-v]) at 130 bits', () => {
    expect(estimateEntropyBits('0123456789abcdefghijklmnop')).toBeCloseTo(130, 6);
  });
});

describe('alphabetSize, in one pass', () => {
  /** The alphabets as regular expressions of the whole value, tried in order: what the one pass must decide. */
  const PATTERNS: ReadonlyArray<[number, RegExp]> = [
    [10, /^[0-9]+$/],
    [16, /^[0-9a-f]+$/i],
    [32, /^[a-v0-9]+$|^[A-Z2-7]+=*$/],
    [36, /^[a-z0-9]+$|^[A-Z0-9]+$/],
    [62, /^[A-Za-z0-9]+$/],
    [64, /^[A-Za-z0-9+/_-]+=*$/],
  ];
  const byPatterns = (value: string): number =>
    value === '' ? 0 : (PATTERNS.find(([, p]) => p.test(value))?.[0] ?? 95);

  it('decides as the patterns do, for any value made of the characters at their edges', () => {
    // Each alphabet's first and last characters and their neighbours, the padding, and characters of none.
    const chars = fc.constantFrom(...'/0123456789:@AFGZ[`afgvwz{+-_=. !~%"\\é'.split(''), '\u{1F600}');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }), (list) => {
        const value = list.join('');
        expect(alphabetSize(value)).toBe(byPatterns(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('decides as the patterns do for one kind of character, with and without padding', () => {
    for (let c = 0; c < 0x250; c++) {
      for (const value of [
        String.fromCharCode(c),
        `${String.fromCharCode(c).repeat(3)}==`,
        `A${String.fromCharCode(c)}`,
      ]) {
        expect(alphabetSize(value), JSON.stringify(value)).toBe(byPatterns(value));
      }
    }
  });
});
