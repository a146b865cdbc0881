import { isLoopbackHost } from './loopback-host';
import { parseUrl } from './parse-url';

/**
 * The URL meant by `text` written without its scheme (`example.com/login`, `localhost:3000`), or null when it has
 * one or names no host: https, or http for a loopback host. For a suggestion, never to be taken for the URL: the
 * scheme decides which cookies a site sets and a request carries.
 */
export function urlWithSchemeGuessed(text: string): string | null {
  const value = text.trim();
  if (value === '' || value.includes('://')) return null;
  const guess = parseUrl(`https://${value}`);
  if (!guess?.hostname || (!guess.hostname.includes('.') && !isLoopbackHost(guess.hostname))) return null;
  if (isLoopbackHost(guess.hostname)) guess.protocol = 'http:';
  return guess.href;
}
