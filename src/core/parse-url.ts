/** `text` as a URL, or null when it does not parse: for the callers that answer a bad URL their own way. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** A loopback host, which a local site serves over http: `localhost`, `*.localhost`, 127.x.x.x, `[::1]`. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]';
}

/**
 * The URL meant by `text` written without its scheme (`example.com/login`, `localhost:3000`), or null when it has
 * one or names no host: https, or http for a loopback host. For a suggestion, never to be taken for the URL: the
 * scheme decides which cookies a site sets and a request carries.
 */
export function urlWithSchemeGuessed(text: string): string | null {
  const value = text.trim();
  if (value === '' || value.includes('://')) return null;
  const guess = parseUrl(`https://${value}`);
  if (!guess?.hostname || (!guess.hostname.includes('.') && !isLoopback(guess.hostname))) return null;
  if (isLoopback(guess.hostname)) guess.protocol = 'http:';
  return guess.href;
}
