import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import {
  causeLabel,
  changeLabel,
  changeWithEveryCause,
  expectAscendingSeq,
  setFromPage,
  settledEntries,
  waitForEntries,
} from './harness/change-log';
import { withChromium } from './harness/setup';
import { lastWordMismatches, startJarStorm, stormProgress } from './harness/last-word';
import { measureStorm } from './harness/storm';
import { recordWorkerStarts } from '../../bench/worker-starts';
import { waitUntil } from './harness/wait';
import { startSite } from './site/test-site';
import type { ChangeLogEntry } from '../../src/protocol/messages';

declare const browser: WebExtBrowser;

const HOST = 'log.sessionscope.localhost';
const named = (prefix: string) => (e: ChangeLogEntry) => e.cookie.name.startsWith(prefix);

describe('Chromium change log', () => {
  const suite = withChromium({ site: () => startSite(HOST), open: '/blank' });

  const set = (query: string) => setFromPage(suite.page, query);

  it('records every change with its cause: explicit, overwrite, expired overwrite, removal, expiry', async () => {
    const c = suite.session;
    const explicit = await changeWithEveryCause(suite.page, c.control, suite.site.url('/'), 'cause');
    await set('n=cause_c&v=1&maxAge=1');

    expect(explicit.map(causeLabel)).toEqual([
      'cause_a added explicit',
      'cause_a removed overwrite',
      'cause_a added explicit',
      'cause_a removed expired_overwrite',
      'cause_b added explicit',
      'cause_b removed explicit',
    ]);
    expect(explicit.filter((e) => !e.removed).map((e) => e.cookie.value)).toEqual(['1', '2', '1']);

    // Chromium drops an expired cookie when the jar is next read for its host: keep asking the site until the
    // store notices. The wait is the cookie's own one-second lifetime, not a guess.
    const expired = await waitUntil(
      'cause_c to expire',
      async () => {
        await suite.page.evaluate(() => fetch('/blank').then((r) => r.text()));
        const log = await waitForEntries(c.control, named('cause_c'), 1);
        return log.length >= 2 ? log : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(expired.map(causeLabel)).toEqual(['cause_c added explicit', 'cause_c removed expired']);
  });

  it('keeps the changes made while the worker was stopped between writes', async () => {
    const c = suite.session;
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
    const c = suite.session;
    const starts = new Set<number>();
    for (let i = 0; i < 2; i++) {
      starts.add((await c.ping()).startedAt);
      await c.stopWorker();
    }
    starts.add((await c.ping()).startedAt);
    expect(starts.size).toBe(3);
  });

  it('loses nothing when the worker is stopped while its writes are in flight, again and again', async () => {
    const c = suite.session;
    const rounds = 6;
    const perBatch = 40;
    // Long values (cut to 1,024 characters in the log) make each chunk write large, so the stop lands while
    // storage calls are still on their way.
    const valueLength = 1_500;
    const made: string[] = [];
    for (let round = 0; round < rounds; round++) {
      // Even rounds: the worker is awake when the batch starts. Odd rounds: the batch's first event wakes the
      // stopped worker, so its changes arrive while the log's state is still loading.
      const awake = round % 2 === 0;
      const before = awake ? await c.ping() : undefined;
      const batch = await suite.page.evaluate(
        (r: number, n: number, len: number) => {
          const changes: string[] = [];
          for (let i = 0; i < n; i++) {
            const name = `during_${r}_${i}`;
            document.cookie = `${name}=${String(i).padStart(len, 'x')}; path=/`;
            changes.push(`${name}:set`);
            document.cookie = `${name}=; path=/; max-age=0`;
            changes.push(`${name}:delete`);
          }
          return changes;
        },
        round,
        perBatch,
        valueLength,
      );
      made.push(...batch);
      // Messages and events reach the worker in order on its one thread: once ping counts every change of the
      // batch, each is inside our listener and its storage call has been issued. Then stop at once.
      const base = before?.received ?? 0;
      await waitUntil(
        `the worker to receive round ${round}`,
        async () => {
          const pong = await c.ping();
          if (before !== undefined && pong.startedAt !== before.startedAt) {
            throw new Error('the worker restarted by itself during the round: the test cannot say what it stopped');
          }
          return pong.received >= base + batch.length;
        },
        { timeoutMs: 10_000, intervalMs: 5 },
      );
      await c.stopWorker();
    }
    expect(made).toHaveLength(rounds * perBatch * 2);

    const entries = await settledEntries(c.control, named('during_'), made.length);
    const logged = new Set(entries.map(changeLabel));
    const lost = made.filter((change) => !logged.has(change));
    expect(lost, `${lost.length} of ${made.length} changes missing from the log`).toEqual([]);
    expect(entries.map(changeLabel)).toEqual(made);
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => (seqs[0] ?? 0) + i));
    expect(entries.filter((e) => !e.removed).map((e) => e.cookie.value.length)).toEqual(
      Array.from({ length: made.length / 2 }, () => 1_024),
    );
  });

  it("after a storm with several stops during it, the log's last word on every cookie equals the jar", async () => {
    const c = suite.session;
    const prefix = 'jarstorm_';
    const total = 1_600;
    const stops = 4;
    await c.ping();
    const storm = await c.openPage(suite.site.url('/blank'));
    await startJarStorm(storm, prefix, { changes: total, names: 120 });
    let during = 0;
    for (let k = 1; k <= stops; k++) {
      await storm.waitForFunction(
        (t: number) => ((window as unknown as { __lastWordStorm?: { made: number } }).__lastWordStorm?.made ?? 0) >= t,
        { timeout: 30_000, polling: 2 },
        Math.floor((total * k) / (stops + 1)),
      );
      await c.stopWorker({ waitGone: false });
      if (!(await stormProgress(storm)).done) during += 1;
    }
    await storm.waitForFunction(
      () => (window as unknown as { __lastWordStorm?: { done: boolean } }).__lastWordStorm?.done === true,
      { timeout: 30_000 },
    );
    await storm.close();
    expect(during, 'stops that landed while the page was still changing cookies').toBeGreaterThanOrEqual(2);
    // Reading the log wakes a worker the last stop left stopped; once the log has stopped growing, its word is final.
    const entries = await settledEntries(c.control, named(prefix), Number.MAX_SAFE_INTEGER, { quietMs: 2_000 });
    const seen = entries.filter((e) => e.cause !== 'unobserved').length;
    const mismatches = await lastWordMismatches(c.control, HOST, prefix);
    expect(
      mismatches,
      `${seen} of ${total} changes heard, ${entries.length - seen} found by comparing the jar`,
    ).toEqual([]);
  });

  it('measures a storm against a witness extension: each change logged once, in order; each worker start timed', async () => {
    const c = suite.session;
    const starts = await recordWorkerStarts(c.control, { [c.extensionId]: 'sessionScope' });
    const storm = await measureStorm(c, suite.site, { changes: 400, stops: 2, quietMs: 1_500 });
    const started = starts.starts();
    await starts.stop();
    for (const m of [storm.sessionScope, storm.witness]) {
      expect(m.made).toBe(400);
      expect(m.logged + m.lost).toBe(m.made);
      expect(m.duplicates).toBe(0);
      expect(m.inOrder).toBe(true);
    }
    expect(storm.stopsDuringStorm).toBeLessThanOrEqual(2);
    // After the stops SessionScope's worker is started again, at the latest to answer for its log; a stop that
    // finds it stopped or still starting adds no start.
    expect(storm.witnessId).not.toBe(c.extensionId);
    expect([...started.keys()].every((k) => k === 'sessionScope' || k === storm.witnessId)).toBe(true);
    expect(started.get('sessionScope')?.length).toBeGreaterThanOrEqual(1);
    for (const ms of [...started.values()].flat()) expect(ms).toBeGreaterThanOrEqual(0);
  });
});
