import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/core/error-text';

describe('errorText', () => {
  it("gives an Error's message without the class name", () => {
    expect(errorText(new TypeError('boom'))).toBe('boom');
  });

  it('gives anything else, and an Error without a message, as text', () => {
    expect(errorText('refused')).toBe('refused');
    expect(errorText(42)).toBe('42');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText(new Error(''))).toBe('Error');
  });
});
