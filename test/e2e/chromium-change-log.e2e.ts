import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { causeLabel, changeLabel, settledEntries, waitForEntries } from './harness/change-log';
import { screenshotOnFailure } from './harness/artifacts';
import { waitUntil } from './harness/wait';
import { startSite, type RunningSite } from './site/test-site';
import type { ChangeLogEntry } from '../../src/protocol/messages';

declare const browser: WebExtBrowser;

const HOST = 'log.sessionscope.localhost';
const named = (prefix: string) => (e: ChangeLogEntry) => e.cookie.name.startsWith(prefix);

function expectAscendingSeq(entries: ChangeLogEntry[]): void {
  const seqs = entries.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
}

describe('Chromium change log', () => {
  let site: RunningSite;
  let chromium: ChromiumSession | undefined;
  let page: Page;
  screenshotOnFailure(() => chromium?.browser);

  /** One `/set` request from the test page, so the cookie comes from a real response header. */
  const set = (query: string) => page.evaluate((q: string) => fetch(`/set?${q}`).then((r) => r.text()), query);

  beforeAll(async () => {
    site = await startSite(HOST);
    chromium = await launchChromium();
    page = await chromium.openPage(site.url('/blank'));
  });
  afterAll(async () => {
    await chromium?.close();
    await site?.stop();
  });

  it('records every change with its cause: explicit, overwrite, expired overwrite, removal, expiry', async () => {
    const c = chromium!;
    await set('n=cause_a&v=1');
    await set('n=cause_a&v=2');
    // A past expiry on an existing cookie deletes it.
    await set('n=cause_a&v=3&expired=1');
    await set('n=cause_b&v=1');
    await c.control.evaluate((url: string) => browser.cookies.remove({ url, name: 'cause_b' }), site.url('/'));
    await set('n=cause_c&v=1&maxAge=1');

    const explicit = await waitForEntries(c.control, (e) => /^cause_[ab]$/.test(e.cookie.name), 6);
    expect(explicit.map(causeLabel)).toEqual([
      'cause_a added explicit',
      'cause_a removed overwrite',
      'cause_a added explicit',
      'cause_a removed expired_overwrite',
      'cause_b added explicit',
      'cause_b removed explicit',
    ]);
    expect(explicit.filter((e) => !e.removed).map((e) => e.cookie.value)).toEqual(['1', '2', '1']);
    expectAscendingSeq(explicit);

    // Chromium drops an expired cookie when the jar is next read for its host: keep asking the site until the
    // store notices. The wait is the cookie's own one-second lifetime, not a guess.
    const expired = await waitUntil(
      'cause_c to expire',
      async () => {
        await page.evaluate(() => fetch('/blank').then((r) => r.text()));
        const log = await waitForEntries(c.control, named('cause_c'), 1);
        return log.length >= 2 ? log : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(expired.map(causeLabel)).toEqual(['cause_c added explicit', 'cause_c removed expired']);
  });

  it('keeps the changes made while the worker was stopped between writes', async () => {
    const c = chromium!;
    const names = ['stop_0', 'stop_1', 'stop_2', 'stop_3', 'stop_4'];
    // What the worker has written, read straight from storage.session by an extension page: watching it does
    // not wake or keep the worker alive, as a message would.
    const stored = () => c.control.evaluate(async () => JSON.stringify(await browser.storage.session.get(null)));
    for (const name of names) {
      await c.stopWorker();
      const before = await stored();
      // The cookie change is what wakes the worker: nothing else talks to it until the log is read.
      await set(`n=${name}&v=x`);
      // Stop again only once the woken worker has written: a stop in the middle of handling is the burst test.
      await waitUntil(`the worker to store ${name}`, async () => (await stored()) !== before, { timeoutMs: 10_000 });
    }
    const entries = await waitForEntries(c.control, named('stop_'), names.length);
    expect(entries.map(causeLabel)).toEqual(names.map((n) => `${n} added explicit`));
    expectAscendingSeq(entries);
  });

  it('answers ping with a new start time after each stop', async () => {
    const c = chromium!;
    const starts = new Set<number>();
    for (let i = 0; i < 2; i++) {
      starts.add((await c.ping()).startedAt);
      await c.stopWorker();
    }
    starts.add((await c.ping()).startedAt);
    expect(starts.size).toBe(3);
  });

  it('loses nothing of a burst of writes while the worker is stopped again and again', async () => {
    const c = chromium!;
    const count = 300;
    const burst = await c.browser.newPage();
    // Two cookies per task, a task every 6 ms: the burst lasts long enough to stop the worker inside it.
    void burst.goto(site.url(`/churn?count=${count}&prefix=burst_&perTick=2&every=6`)).catch(() => undefined);
    let stopsDuringBurst = 0;
    for (const threshold of [30, 80, 130, 180, 230]) {
      await burst.waitForFunction(
        (t: number) => ((window as unknown as { __churn?: { made: number } }).__churn?.made ?? 0) >= t,
        { timeout: 20_000, polling: 5 },
        threshold,
      );
      await c.stopWorker({ waitGone: false });
      const made = await burst.evaluate(() => (window as unknown as { __churn: { made: number } }).__churn.made);
      if (made < count) stopsDuringBurst += 1;
    }
    await burst.waitForFunction(() => (window as unknown as { __churn?: { done: boolean } }).__churn?.done === true, {
      timeout: 30_000,
    });
    const made = await burst.evaluate(() => (window as unknown as { __churn: { changes: string[] } }).__churn.changes);
    expect(made).toHaveLength(count * 2);
    // The test proves what it says only if the worker was really stopped mid-burst several times.
    expect(stopsDuringBurst).toBeGreaterThanOrEqual(3);

    // Every change, in the page's order. Chromium itself drops the few events in flight to a worker at the
    // instant it is stopped (a minimal listener that stores each event at once lost 8 of 600 here), so this
    // asks for more than any listener can promise under forced stops; it is the bar the foundation issue sets.
    const entries = await settledEntries(c.control, named('burst_'), count * 2);
    const logged = new Set(entries.map(changeLabel));
    const lost = made.filter((change) => !logged.has(change));
    expect(lost, `${lost.length} of ${made.length} changes missing from the log`).toEqual([]);
    expect(entries.map(changeLabel)).toEqual(made);
    expect(new Set(entries.filter((e) => e.removed).map((e) => e.cause))).toEqual(new Set(['expired_overwrite']));
    expect(new Set(entries.filter((e) => !e.removed).map((e) => e.cause))).toEqual(new Set(['explicit']));
    expectAscendingSeq(entries);
    await burst.close();
  });
});
