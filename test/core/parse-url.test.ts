import { describe, expect, it } from 'vitest';
import { parseUrl, urlWithSchemeGuessed } from '../../src/core/parse-url';

describe('parseUrl', () => {
  it('gives the URL when it parses', () => {
    expect(parseUrl('https://example.test/a?b=1')?.pathname).toBe('/a');
  });

  it('gives null instead of throwing when it does not', () => {
    expect(parseUrl('not a url')).toBeNull();
    expect(parseUrl('')).toBeNull();
  });
});

describe('urlWithSchemeGuessed', () => {
  it.each([
    ['example.com', 'https://example.com/'],
    [' app.example.com/login?next=/ ', 'https://app.example.com/login?next=/'],
    ['localhost:3000', 'http://localhost:3000/'],
    ['shop.localhost/cart', 'http://shop.localhost/cart'],
    ['127.0.0.1:8420', 'http://127.0.0.1:8420/'],
    ['[::1]:8080/x', 'http://[::1]:8080/x'],
  ])('%j is most likely %s', (text, url) => {
    expect(urlWithSchemeGuessed(text)).toBe(url);
  });

  it.each(['https://example.com/', 'ftp://example.com/', 'nonsense', '', 'exa mple.com'])(
    '%j gets no guess: it has a scheme, or names no host',
    (text) => {
      expect(urlWithSchemeGuessed(text)).toBeNull();
    },
  );
});
