import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditablePage } from '../../src/headless/page-types';
import { settleLimitMs, settledSession } from '../../src/headless/snapshot-session';

/**
 * A Puppeteer-shaped page whose cookie read takes `readMs` and answers from `jar()`: each read's start time is noted.
 */
function slowPage(readMs: number, jar: () => Array<{ name: string; value: string }>) {
  const starts: number[] = [];
  const page = {
    url: () => 'http://site.test/',
    evaluate: async () => ({ local: [], session: [] }),
    browser: () => ({ version: async () => 'Chrome/156' }),
    browserContext: () => ({
      cookies: async () => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, readMs));
        return jar().map((c) => ({
          ...c,
          domain: 'site.test',
          path: '/',
          expires: -1,
          httpOnly: false,
          secure: false,
        }));
      },
    }),
  };
  return { page: page as unknown as AuditablePage, starts };
}

describe('headless: waiting for a page’s session to settle (settledSession)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('starts each read 250 ms after the one before started, the wait running during the read', async () => {
    const { page, starts } = slowPage(100, () => [{ name: 'sid', value: '1' }]);
    const settled = settledSession(page);
    await vi.advanceTimersByTimeAsync(1_000);
    const session = await settled;
    expect(starts).toEqual([0, 250]);
    expect(session.cookies.map((c) => c.name)).toEqual(['sid']);
  });

  it('reads again while the session changes, each read 250 ms after the last began, and gives the last one', async () => {
    let value = 0;
    const { page, starts } = slowPage(40, () => [{ name: 'sid', value: String(Math.min(++value, 3)) }]);
    const reads: string[] = [];
    const settled = settledSession(page, 3_000, Date.now, (s) => reads.push(s.cookies[0]!.value));
    await vi.advanceTimersByTimeAsync(2_000);
    const session = await settled;
    expect(starts).toEqual([0, 250, 500, 750]);
    expect(reads).toEqual(['1', '2', '3']);
    expect(session.cookies[0]!.value).toBe('3');
  });

  it('waits no longer between reads that take longer than 250 ms, and stops at its limit', async () => {
    let value = 0;
    const { page, starts } = slowPage(300, () => [{ name: 'sid', value: String(++value) }]);
    const settled = settledSession(page, 1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await settled).cookies[0]!.value).toBe(String(starts.length));
    expect(starts).toEqual([0, 300, 600, 900]);
  });

  it('waits as long as it is told between reads, and at most its limit', async () => {
    let value = 0;
    // The page's value changes at the third read: two reads 1 s apart that agree come after it.
    const { page, starts } = slowPage(10, () => [{ name: 'sid', value: String(Math.min(++value, 3)) }]);
    const settled = settledSession(page, 10_000, Date.now, () => undefined, 1_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await settled).cookies[0]!.value).toBe('3');
    expect(starts).toEqual([0, 1_000, 2_000, 3_000]);
    // The limit: 3 s, or four quiet periods when they are longer.
    expect([settleLimitMs(250), settleLimitMs(750), settleLimitMs(1_000), settleLimitMs(2_500)]).toEqual([
      3_000, 3_000, 4_000, 10_000,
    ]);
  });
});
