import { describe, expect, it } from 'vitest';
import { parseUrl } from '../../src/core/parse-url';

describe('parseUrl', () => {
  it('gives the URL when it parses', () => {
    expect(parseUrl('https://example.test/a?b=1')?.pathname).toBe('/a');
  });

  it('gives null instead of throwing when it does not', () => {
    expect(parseUrl('not a url')).toBeNull();
    expect(parseUrl('')).toBeNull();
  });
});
