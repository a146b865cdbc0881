import type { Page } from 'puppeteer-core';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import { expect } from 'vitest';
import type { ChangeLogEntry } from '../../../src/protocol/messages';
import { readChangeLog } from './extension-messages';
import { waitUntil } from './wait';

declare const browser: WebExtBrowser;

/** `name:set` for an added cookie, `name:delete` for a removed one: the shape the churn page records. */
export function changeLabel(entry: ChangeLogEntry): string {
  return `${entry.cookie.name}:${entry.removed ? 'delete' : 'set'}`;
}

/** `name removed cause`, compact enough to compare whole sequences in one assertion. */
export function causeLabel(entry: ChangeLogEntry): string {
  return `${entry.cookie.name} ${entry.removed ? 'removed' : 'added'} ${entry.cause}`;
}

/**
 * Reads the log (from an extension page) until `count` entries match `filter`, then returns the matching entries
 * in the log's order. Reading wakes a stopped worker, which is what a user opening the popup would do too.
 */
export async function waitForEntries(
  control: Page,
  filter: (e: ChangeLogEntry) => boolean,
  count: number,
  timeoutMs = 15_000,
): Promise<ChangeLogEntry[]> {
  let last: ChangeLogEntry[] = [];
  try {
    return await waitUntil(
      `${count} matching change-log entries`,
      async () => {
        const log = await readChangeLog(control);
        last = log.entries.filter(filter);
        return last.length >= count ? last : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
  } catch (error) {
    const seen = last.map(causeLabel).join(', ');
    throw new Error(`${(error as Error).message}; had ${last.length}: ${seen.slice(0, 2000)}`, { cause: error });
  }
}

/**
 * Reads the log until `count` entries match `filter` or their number has not grown for `quietMs`; returns what
 * matched either way, so a test can say how much was lost rather than only that it timed out.
 */
export async function settledEntries(
  control: Page,
  filter: (e: ChangeLogEntry) => boolean,
  count: number,
  { quietMs = 3_000, timeoutMs = 30_000 } = {},
): Promise<ChangeLogEntry[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ChangeLogEntry[] = [];
  let grewAt = Date.now();
  for (;;) {
    const entries = (await readChangeLog(control)).entries.filter(filter);
    if (entries.length !== last.length) grewAt = Date.now();
    last = entries;
    if (last.length >= count || Date.now() - grewAt > quietMs || Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One `/set?query` request from `page`, a page of the test site, so the cookie comes from a real response header. */
export function setFromPage(page: Page, query: string): Promise<string> {
  return page.evaluate((q: string) => fetch(`/set?${q}`).then((r) => r.text()), query);
}

/**
 * Gives the log one change of each explicit cause, through `page` on the test site at `siteUrl`: `<prefix>_a` is
 * set, overwritten, then deleted by a past expiry on an overwrite; `<prefix>_b` is set, then removed through the
 * extension API from `control`. Returns the six entries (four of `_a`, then two of `_b`) once logged, having
 * checked that their sequence numbers rise.
 */
export async function changeWithEveryCause(
  page: Page,
  control: Page,
  siteUrl: string,
  prefix: string,
): Promise<ChangeLogEntry[]> {
  await setFromPage(page, `n=${prefix}_a&v=1`);
  await setFromPage(page, `n=${prefix}_a&v=2`);
  // A past expiry on an existing cookie deletes it.
  await setFromPage(page, `n=${prefix}_a&v=3&expired=1`);
  await setFromPage(page, `n=${prefix}_b&v=1`);
  await control.evaluate((url: string, name: string) => browser.cookies.remove({ url, name }), siteUrl, `${prefix}_b`);
  const names = new Set([`${prefix}_a`, `${prefix}_b`]);
  const entries = await waitForEntries(control, (e) => names.has(e.cookie.name), 6);
  expectAscendingSeq(entries);
  return entries;
}

/** The entries' sequence numbers rise, each once. */
export function expectAscendingSeq(entries: ChangeLogEntry[]): void {
  const seqs = entries.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
}
