import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/core/loopback-host';
import { urlWithSchemeGuessed } from '../../src/core/scheme-guess';

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

describe('isLoopbackHost', () => {
  it('is true for the hosts browsers treat as loopback, as a URL writes them, and for no other', () => {
    for (const h of ['localhost', 'LOCALHOST', 'shop.localhost', '127.0.0.1', '127.8.9.10', '[::1]', '::1']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
    for (const h of ['localhost.example.com', 'example.com', '127.0.0', '128.0.0.1', '[::2]', '']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});
