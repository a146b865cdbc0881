import { describe, expect, it } from 'vitest';
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
