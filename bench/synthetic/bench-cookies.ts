import type { CookieRecord } from '../../src/core/cookie/cookie-record';

/** Injected by the benchmark before any page script runs (page.evaluateOnNewDocument). */
export function benchCookies(): CookieRecord[] {
  return (window as unknown as { __benchCookies?: CookieRecord[] }).__benchCookies ?? [];
}

export const BENCH_URL = 'http://synthetic.localhost/';
