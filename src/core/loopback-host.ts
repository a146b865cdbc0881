/**
 * Whether a URL's `hostname` is a loopback host: `localhost`, `*.localhost`, 127.x.x.x or `[::1]`. Browsers treat
 * such a host as a secure context, and a local site serves it over http.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}
