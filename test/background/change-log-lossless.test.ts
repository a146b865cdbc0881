import type { Cookies } from 'webextension-polyfill';
import { stored } from '../core/timeline/helpers';
import { describe, expect, it, vi } from 'vitest';
import type { ChangeLog, ChangeLogDeps } from '../../src/background/change-log';
import { MAX_FOLD_REFUSALS } from '../../src/background/change-log-machine';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { cookieKey } from '../../src/core/cookie/cookie-key';
import { toCookieRecord } from '../../src/core/cookie/to-cookie-record';
import type { ChangeLogEntry } from '../../src/core/timeline/change-log-entry';
import { JAR_KEY } from '../../src/core/timeline/known-jar';
import { chunkKey, MAX_PATH_CHARS, MAX_VALUE_CHARS, META_KEY, type LogMeta } from '../../src/core/timeline/log-layout';
import { isStageKey } from '../../src/core/timeline/stage-key';
import { parseStagedBatch } from '../../src/core/timeline/staged-batch';
import { FakeCookies, FakeStorageArea } from '../fakes';
import { recordSettled, startChangeLog } from './change-log-steps';

const URL_A = 'https://a.example/';

/**
 * One worker instance over a shared jar and storage: it hears the jar's events until `stop()`, as an MV3
 * worker does until the browser stops it (events after that never reach it).
 */
function instance(jar: FakeCookies, store: FakeStorageArea, over: Partial<ChangeLogDeps> = {}) {
  const onError = vi.fn();
  const log = startChangeLog({
    store,
    onError,
    readJar: async () => (await jar.getAll({ partitionKey: {} })).map(toCookieRecord),
    ...over,
  });
  const listener = (info: { cookie: Cookies.Cookie; removed: boolean; cause: Cookies.OnChangedCause }) =>
    log.record({ cookie: toCookieRecord(info.cookie), removed: info.removed, cause: info.cause });
  jar.onChanged.addListener(listener);
  return { log, onError, stop: () => jar.onChanged.removeListener(listener) };
}

/** The log's last word on each cookie it has an entry for: its last entry. */
function lastWord(entries: readonly ChangeLogEntry[]): Map<string, ChangeLogEntry> {
  const last = new Map<string, ChangeLogEntry>();
  for (const e of entries) last.set(cookieKey(e.cookie), e);
  return last;
}

function jarValues(jar: FakeCookies): Map<string, string> {
  return new Map(jar.all().map((c) => [cookieKey(toCookieRecord(c)), c.value]));
}

/**
 * Every cookie in the jar has a last word that is a set with its value, unless it is in the `baseline` the first
 * worker found, unchanged; every other last word is a removal.
 */
async function expectLastWordEqualsJar(
  log: ChangeLog,
  jar: FakeCookies,
  baseline: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const last = lastWord((await log.query({})).entries);
  const inJar = jarValues(jar);
  for (const [key, value] of inJar) {
    if (!last.has(key) && baseline.get(key) === value) continue;
    expect({ key, removed: last.get(key)?.removed, value: last.get(key)?.cookie.value }).toEqual({
      key,
      removed: false,
      value,
    });
  }
  for (const [key, e] of last) if (!inJar.has(key)) expect({ key, removed: e.removed }).toEqual({ key, removed: true });
}

const set = (jar: FakeCookies, name: string, value: string) => jar.set({ url: URL_A, name, value });
const causes = (entries: readonly ChangeLogEntry[]) =>
  entries.map((e) => `${e.cookie.name} ${e.removed ? 'removed' : 'added'} ${e.cause}`);

/** A jar holding each of `names` (value `1`) and the first worker instance started over it, settled. */
async function firstStartOver(...names: string[]) {
  const jar = new FakeCookies();
  const store = new FakeStorageArea();
  for (const name of names) await set(jar, name, '1');
  const baseline = jarValues(jar);
  const first = instance(jar, store);
  await first.log.settled();
  return { jar, store, baseline, first };
}

describe('the change log compares the jar with its last word at every start', () => {
  it('takes the jar as it finds it at the very first start, without an entry for each cookie', async () => {
    const { store, first } = await firstStartOver('before');
    const { log } = first;
    expect((await log.query({})).entries).toEqual([]);
    expect(store.snapshot()[JAR_KEY]).toMatchObject({
      throughSeq: 0,
      cookies: [[expect.any(String), expect.anything()]],
    });
  });

  it('records what changed while no worker listened as unobserved: added, changed, removed', async () => {
    const { jar, store, baseline, first } = await firstStartOver('kept', 'changed', 'gone');
    await set(jar, 'seen', '1');
    await first.log.settled();
    first.stop();

    // The worker is stopped: these changes reach no listener.
    await set(jar, 'changed', '2');
    await jar.remove({ url: URL_A, name: 'gone' });
    await set(jar, 'new', '1');

    const second = instance(jar, store);
    await second.log.settled();
    const { entries } = await second.log.query({});
    expect(causes(entries)).toEqual([
      'seen added explicit',
      'changed added unobserved',
      'new added unobserved',
      'gone removed unobserved',
    ]);
    await expectLastWordEqualsJar(second.log, jar, baseline);

    // A third start finds nothing new: the snapshot and the entries since agree with the jar.
    second.stop();
    const third = instance(jar, store);
    await third.log.settled();
    expect((await third.log.query({})).entries).toHaveLength(4);
  });

  it('after many stops with changes lost at each, the last word on every cookie equals the jar', async () => {
    const jar = new FakeCookies();
    const store = new FakeStorageArea();
    let worker = instance(jar, store);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 30; i++) {
        const name = `c${(round * 7 + i) % 40}`;
        if ((i + round) % 5 === 0) await jar.remove({ url: URL_A, name });
        else await set(jar, name, `r${round}i${i}`);
        // The worker is stopped mid-burst: the rest of the burst reaches nobody.
        if (i === 12) worker.stop();
      }
      await worker.log.settled();
      worker = instance(jar, store);
    }
    await worker.log.settled();
    await expectLastWordEqualsJar(worker.log, jar);
    const { entries } = await worker.log.query({});
    expect(entries.some((e) => e.cause === 'unobserved')).toBe(true);
    expect(entries.some((e) => e.cause === 'explicit')).toBe(true);
  });

  it('leaves alone a cookie changed while the jar was being read: the recorded change is newer', async () => {
    const { jar, store, first } = await firstStartOver('x');
    first.stop();
    // The jar answers with a stale view, and the change after it reaches the new worker as an event.
    const staleJar = jar.all().map(toCookieRecord);
    let answer: (v: CookieRecord[]) => void = () => undefined;
    const second = instance(jar, store, { readJar: () => new Promise((r) => (answer = r)) });
    await set(jar, 'x', '2');
    answer(staleJar);
    await second.log.settled();
    const { entries } = await second.log.query({});
    expect(causes(entries)).toEqual(['x removed overwrite', 'x added explicit']);
    await expectLastWordEqualsJar(second.log, jar);
  });

  it('reconciles a jar of 3,000 cookies with a bounded number of storage calls', async () => {
    const { jar, store, baseline, first } = await firstStartOver(...Array.from({ length: 3_000 }, (_, i) => `n${i}`));
    first.stop();
    for (let i = 0; i < 3_000; i += 100) await set(jar, `n${i}`, 'changed');
    store.calls.length = 0;
    const second = instance(jar, store);
    await second.log.settled();
    expect((await second.log.query({})).entries.filter((e) => e.cause === 'unobserved')).toHaveLength(30);
    // One staged batch, one fold (with the new snapshot), the removal of the staged key, and a sweep at most.
    expect(store.calls.length).toBeLessThanOrEqual(5);
    await expectLastWordEqualsJar(second.log, jar, baseline);
  });

  it('goes on without comparing when the jar cannot be read, and says why', async () => {
    const jar = new FakeCookies();
    const store = new FakeStorageArea();
    const { log, onError } = instance(jar, store, { readJar: () => Promise.reject(new Error('no cookies API')) });
    await set(jar, 'a', '1');
    await log.settled();
    expect(causes((await log.query({})).entries)).toEqual(['a added explicit']);
    expect(onError).toHaveBeenCalledWith(new Error('no cookies API'));
  });
});

/** Non-ASCII text, 3 bytes a character in UTF-8: the hostile case for a quota counted in bytes. */
const HOSTILE = '\u2603\u00e9\u4e2d'.repeat(1_400).slice(0, 4_000);

describe('the change log within storage.session', () => {
  it('cuts values and paths before they are staged, keeping their lengths', async () => {
    const store = new FakeStorageArea();
    const log = startChangeLog({ store });
    const longPath = '/' + 'p'.repeat(2_000);
    log.record({
      cookie: { ...toCookieRecord({ ...baseCookie(), value: HOSTILE, path: longPath }) },
      removed: false,
      cause: 'explicit',
    });
    // Issued by record() itself, and never with the whole value.
    const staged = Object.entries(store.snapshot()).filter(([k]) => isStageKey(k));
    expect(store.calls.filter((c) => c.op === 'set')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    const stagedNow = Object.entries(store.snapshot()).filter(([k]) => isStageKey(k));
    expect(staged.length).toBe(0);
    expect(stagedNow).toHaveLength(1);
    const [change] = parseStagedBatch(stagedNow[0]?.[1]) ?? [];
    expect(change?.cookie.value).toHaveLength(MAX_VALUE_CHARS);
    expect(change?.cookie.path).toHaveLength(MAX_PATH_CHARS);
    expect(change?.valueLength).toBe(4_000);
    expect(change?.pathLength).toBe(longPath.length);
  });

  it('keeps the log within its byte budget with hostile values, and counts what it dropped for it', async () => {
    const store = new FakeStorageArea();
    // A chunk of 100 such entries weighs ~400 KB: the budget holds two.
    const budget = 1_000_000;
    const log = startChangeLog({ store, byteBudget: budget });
    for (let i = 0; i < 600; i++) {
      log.record({
        cookie: toCookieRecord({ ...baseCookie(), name: `h${i}`, value: HOSTILE, path: '/' + '\u00e9'.repeat(600) }),
        removed: false,
        cause: 'explicit',
      });
    }
    await log.settled();
    const stored = store.snapshot();
    const chunkBytes = Object.entries(stored)
      .filter(([k]) => /^log:\d+$/.test(k))
      .reduce((n, [, v]) => n + new TextEncoder().encode(JSON.stringify(v)).length, 0);
    expect(chunkBytes).toBeLessThanOrEqual(budget);
    const result = await log.query({});
    expect(result.dropped).toBeGreaterThan(0);
    expect(result.droppedBy).toEqual({ bytes: result.dropped });
    expect(result.entries.length + result.dropped).toBe(600);
    // The newest entries are the ones kept.
    expect(result.entries.at(-1)?.cookie.name).toBe('h599');
  });

  it('counts entries trimmed after storage said it was over its quota, with that reason', async () => {
    const store = new FakeStorageArea();
    const log = startChangeLog({ store, capacity: 400 });
    for (let i = 0; i < 400; i++) log.record(change(`old${i}`));
    await log.settled();
    store.failWrites(new Error('Resource::kQuotaBytes quota exceeded'), 1);
    // The refusal of the first arrives after that fold was issued: the next fold makes room first.
    await recordSettled(log, change('new'), change('newer'));
    const result = await log.query({});
    // 'new' pushed one entry over the bound; the trim then freed whole chunks, at least a quarter of the log.
    expect(result.droppedBy).toEqual({ bound: 1, quota: 199 });
    expect(result.entries.slice(-2).map((e) => e.cookie.value)).toEqual(['new', 'newer']);
    expect(result.entries.length + result.dropped).toBe(402);
  });

  /** Settles `a`, then records `b` with the next `refusals` storage writes refused; the log's answer after. */
  async function recordThroughRefusals(refusals: number) {
    const store = new FakeStorageArea();
    const onError = vi.fn();
    const log = startChangeLog({ store, onError, foldIdleMs: 1 });
    await recordSettled(log, change('a'));
    store.failWrites(new Error('storage write failed'), refusals);
    await recordSettled(log, change('b'));
    return { store, onError, result: await log.query({}) };
  }

  it('retries a batch storage refuses, then gives it up and counts it as refused, never silently', async () => {
    // Every write is refused: the staging write of the batch, and every fold of it.
    const { onError, result } = await recordThroughRefusals(1 + MAX_FOLD_REFUSALS);
    expect(result.entries.map((e) => e.cookie.value)).toEqual(['a']);
    expect(result.droppedBy).toEqual({ refused: 1 });
    expect(result.dropped).toBe(1);
    expect(onError).toHaveBeenCalledTimes(1 + MAX_FOLD_REFUSALS);
  });

  it('keeps a batch whose staging write and first fold were refused, and folds it on the retry', async () => {
    const { store, result } = await recordThroughRefusals(2);
    expect(result.entries.map((e) => e.cookie.value)).toEqual(['a', 'b']);
    expect(result.dropped).toBe(0);
    expect((store.snapshot()[META_KEY] as LogMeta).nextSeq).toBe(2);
    expect(stored(store.snapshot()[chunkKey(0)])).toHaveLength(2);
  });
});

function baseCookie(): Cookies.Cookie {
  return {
    name: 'n',
    value: 'v',
    domain: 'a.example',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    sameSite: 'lax',
    session: true,
    storeId: '0',
    firstPartyDomain: '',
  };
}

function change(value: string) {
  return { cookie: toCookieRecord({ ...baseCookie(), value }), removed: false, cause: 'explicit' as const };
}
