import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';

/** Injected by the benchmark before any page script runs (page.evaluateOnNewDocument). */
export function benchCookies(): CookieRecord[] {
  return (window as unknown as { __benchCookies?: CookieRecord[] }).__benchCookies ?? [];
}

export const BENCH_URL = 'http://synthetic.localhost/';

/** core's analyzeSite between two marks, so the benchmark can say how long the analysis took on the page clock. */
export const markedAnalyze: typeof analyzeSite = async (url, cookies, now, options) => {
  performance.mark('cookies');
  const result = await analyzeSite(url, cookies, now, options);
  performance.mark('analysed');
  return result;
};
