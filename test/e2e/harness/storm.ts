import type { Browser, Page } from 'puppeteer-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser as WebExtBrowser } from 'webextension-polyfill';
import type { RunningSite } from '../site/test-site';
import { removeWhenClosed } from './browser-session';
import type { ChromiumSession } from './chromium';
import { changeLabel } from './change-log';
import { readChangeLog, sendFrom } from './extension-messages';

declare const browser: WebExtBrowser;

export interface StormOptions {
  /** Cookie changes the page makes: half sets, half deletes (each cookie is set, then deleted). */
  changes: number;
  /** How many times the workers are stopped, spread evenly over the storm. */
  stops: number;
  /** Cookies set and deleted per page task (default 4), and the pause between tasks in ms (default 2). */
  perTick?: number;
  everyMs?: number;
  /** How long the logs must stop growing before they are counted (default 3 s). */
  quietMs?: number;
}

export interface Capture {
  made: number;
  /** Changes made that are in the log (each counted once). */
  logged: number;
  lost: number;
  /** logged / made */
  captureRatio: number;
  /** Entries that repeat a change already logged. */
  duplicates: number;
  /** The logged changes are in the order the page made them. */
  inOrder: boolean;
  /** Where the lost changes fall: their positions in the order the page made them. */
  missing: number[];
}

export interface StormResult {
  /** What the listener recorded: entries found by comparing the jar (`unobserved`) are not capture. */
  sessionScope: Capture;
  /** SessionScope's entries for the storm's cookies that a worker found by comparing the jar at its start. */
  unobserved: number;
  /** A minimal extension that stores each event under its own key at once: the floor Chromium allows. */
  witness: Capture;
  /** The witness's extension id (to tell its worker from SessionScope's). */
  witnessId: string;
  /** Stops that landed before the page had made every change. */
  stopsDuringStorm: number;
  /** For each stop, how many changes the page had made just after it was issued (to place the losses). */
  stopsAt: number[];
  stormMs: number;
}

// The witness: no batching, no state, one storage call per event, issued inside the listener. What it misses
// Chromium never delivered (events in flight to a worker when it is stopped are dropped), so it is the floor.
const WITNESS_MANIFEST = {
  manifest_version: 3,
  name: 'SessionScope storm witness',
  version: '1.0.0',
  background: { service_worker: 'worker.js' },
  permissions: ['cookies', 'storage'],
  host_permissions: ['<all_urls>'],
};
const WITNESS_WORKER = `
const boot = Date.now().toString(36).padStart(10, '0') + Math.random().toString(36).slice(2, 8);
let n = 0;
chrome.cookies.onChanged.addListener((info) => {
  const key = 'w:' + boot + ':' + String(n++).padStart(8, '0');
  chrome.storage.session.set({ [key]: { name: info.cookie.name, removed: info.removed } });
});
`;
const WITNESS_PAGE = '<!doctype html><meta charset="utf-8"><title>witness</title>';

const witnesses = new WeakMap<Browser, Promise<string>>();

/** Installs the witness once per browser; resolves to its extension id. */
function installWitness(session: ChromiumSession): Promise<string> {
  let id = witnesses.get(session.browser);
  if (id === undefined) {
    id = (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sessionscope-witness-'));
      removeWhenClosed(session.browser, dir);
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(WITNESS_MANIFEST));
      await writeFile(join(dir, 'worker.js'), WITNESS_WORKER);
      await writeFile(join(dir, 'page.html'), WITNESS_PAGE);
      return session.browser.installExtension(dir);
    })();
    witnesses.set(session.browser, id);
  }
  return id;
}

/** The witness's records in event order (boot ids sort by start time, then the counter). */
async function readWitness(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const all = (await browser.storage.session.get(null)) as Record<string, { name: string; removed: boolean }>;
    return Object.keys(all)
      .filter((k) => k.startsWith('w:'))
      .sort()
      .map((k) => `${all[k]!.name}:${all[k]!.removed ? 'delete' : 'set'}`);
  });
}

function capture(made: readonly string[], logged: readonly string[]): Capture {
  const wanted = new Set(made);
  const seen = new Set<string>();
  let duplicates = 0;
  const order: string[] = [];
  for (const label of logged) {
    if (!wanted.has(label)) continue;
    if (seen.has(label)) duplicates += 1;
    else order.push(label);
    seen.add(label);
  }
  const expectedOrder = made.filter((m) => seen.has(m));
  const inOrder = order.length === expectedOrder.length && order.every((l, i) => l === expectedOrder[i]);
  const count = seen.size;
  const missing: number[] = [];
  made.forEach((m, i) => {
    if (!seen.has(m)) missing.push(i);
  });
  return {
    made: made.length,
    logged: count,
    lost: made.length - count,
    captureRatio: made.length === 0 ? 1 : count / made.length,
    duplicates,
    inOrder,
    missing,
  };
}

/** Polls `read` until its length has not changed for `quietMs`. */
async function whenQuiet<T extends { length: number }>(read: () => Promise<T>, quietMs: number): Promise<T> {
  let last = await read();
  let grewAt = Date.now();
  const deadline = Date.now() + 60_000;
  while (Date.now() - grewAt < quietMs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const next = await read();
    if (next.length !== last.length) grewAt = Date.now();
    last = next;
  }
  return last;
}

/**
 * A change storm for the benchmark: a page on `site` sets and deletes `changes / 2` cookies as fast as it can
 * while every extension worker is stopped `stops` times. Returns, for SessionScope and for the witness
 * extension installed beside it, how many changes were made, logged and lost. SessionScope's log is cleared
 * first, so `changes` may not exceed its bound. Measures; asserts nothing.
 */
export async function measureStorm(
  session: ChromiumSession,
  site: RunningSite,
  options: StormOptions,
): Promise<StormResult> {
  const { stops, perTick = 4, everyMs = 2, quietMs = 3_000 } = options;
  const count = Math.floor(options.changes / 2);
  if (count < 1 || count > 5_000) throw new Error('a storm makes between 2 and 10,000 changes (the /churn limit)');

  const witnessId = await installWitness(session);
  const witnessPage = await session.browser.newPage();
  await witnessPage.goto(`chrome-extension://${witnessId}/page.html`, { waitUntil: 'load' });
  await witnessPage.evaluate(() => browser.storage.session.clear());
  const { capacity } = await sendFrom(session.control, 'clearChangeLog', {}).then(() => readChangeLog(session.control));
  if (count * 2 > capacity) throw new Error(`a storm of ${count * 2} changes exceeds the log's bound (${capacity})`);
  // Both workers must be running before the first change: events before a worker's first run ends are lost.
  await session.ping();

  const prefix = `storm${Date.now().toString(36)}_`;
  const storm = await session.browser.newPage();
  const started = Date.now();
  void storm
    .goto(site.url(`/churn?count=${count}&prefix=${prefix}&perTick=${perTick}&every=${everyMs}`))
    .catch(() => undefined);
  const progress = () =>
    storm.evaluate(() => (window as unknown as { __churn?: { made: number; done: boolean } }).__churn);
  let stopsDuringStorm = 0;
  const stopsAt: number[] = [];
  for (let k = 1; k <= stops; k++) {
    const threshold = Math.floor((count * k) / (stops + 1));
    await storm.waitForFunction(
      (t: number) => ((window as unknown as { __churn?: { made: number } }).__churn?.made ?? 0) >= t,
      { timeout: 60_000, polling: 2 },
      threshold,
    );
    await session.stopWorker({ waitGone: false });
    const after = await progress();
    // Each cookie the page handles is two changes (a set, then a delete).
    stopsAt.push((after?.made ?? 0) * 2);
    if (!after?.done) stopsDuringStorm += 1;
  }
  await storm.waitForFunction(() => (window as unknown as { __churn?: { done: boolean } }).__churn?.done === true, {
    timeout: 120_000,
  });
  const stormMs = Date.now() - started;
  const made = await storm.evaluate(() => (window as unknown as { __churn: { changes: string[] } }).__churn.changes);
  await storm.close();

  const stormEntries = await whenQuiet(
    async () => (await readChangeLog(session.control)).entries.filter((e) => e.cookie.name.startsWith(prefix)),
    quietMs,
  );
  const ours = stormEntries.filter((e) => e.cause !== 'unobserved').map(changeLabel);
  const unobserved = stormEntries.length - ours.length;
  const theirs = await whenQuiet(
    async () => (await readWitness(witnessPage)).filter((l) => l.startsWith(prefix)),
    quietMs,
  );
  await witnessPage.close();
  return {
    sessionScope: capture(made, ours),
    unobserved,
    witness: capture(made, theirs),
    witnessId,
    stopsDuringStorm,
    stopsAt,
    stormMs,
  };
}
