import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageUrlsResult } from '../../src/protocol/messages';
import { watchPageHosts } from '../../src/state/page-hosts-watcher';
import { createThirdPartySlice } from '../../src/state/third-party-slice';

const TOP = 'http://top.localhost/';

/**
 * A watcher over a fresh slice. `answers` are handed out in order (an Error is thrown); once they run out each
 * read answers no URL. `page` is the readable page the watcher follows at first (null: none).
 */
/** The stop functions of the watchers the current test started: each test's watchers stop after it. */
const running: Array<() => void> = [];

function setup(
  answers: Array<PageUrlsResult | Error | Promise<PageUrlsResult>>,
  page: string | null = TOP,
  shown = signal(true),
) {
  const site = { url: signal<string | undefined>(TOP), host: signal('top.localhost'), tabStore: signal(null) };
  const slice = createThirdPartySlice(site, signal([]));
  const readablePage = signal<string | undefined>(page ?? undefined);
  const readPageUrls = vi.fn(async (_tabId: number) => {
    const next = answers.shift() ?? { ok: true as const, urls: [] };
    if (next instanceof Error) throw next;
    return next;
  });
  let navigate = (): void => undefined;
  const watchNavigation = (listener: () => void) => {
    navigate = listener;
    return () => (navigate = () => undefined);
  };
  const stop = watchPageHosts(slice, { tabId: 9, readPageUrls, readablePage, watchNavigation, shown, pollMs: 1_000 });
  running.push(stop);
  return { slice, readPageUrls, readablePage, stop, navigate: () => navigate() };
}

const ok = (...urls: string[]): PageUrlsResult => ({ ok: true, urls });

describe('watchPageHosts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const stop of running.splice(0)) stop();
    vi.useRealTimers();
  });

  it('reads the tab’s page at once and again after each answer, and its sites join the third parties', async () => {
    const { slice, readPageUrls, stop } = setup([
      ok('http://emb.localhost'),
      ok('http://emb.localhost', 'http://cdn.test'),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    expect(readPageUrls).toHaveBeenCalledWith(9);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(slice.sites.value).toEqual(['emb.localhost', 'cdn.test']);
    stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readPageUrls).toHaveBeenCalledTimes(2);
  });

  it('never reads a page the view could not read (no permission, loading), and starts once it can', async () => {
    const { slice, readPageUrls, readablePage } = setup([ok('http://emb.localhost')], null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).not.toHaveBeenCalled();
    readablePage.value = TOP;
    await vi.advanceTimersByTimeAsync(0);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    // Access withdrawn: the reads stop and the page's hosts are forgotten.
    readablePage.value = undefined;
    expect(slice.pageUrls.value).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
  });

  it('stops reading when the background answers no-permission or no-tab, until the page changes', async () => {
    const { readPageUrls, readablePage } = setup([
      { ok: false, reason: 'no-permission' },
      ok('http://emb.localhost'),
      { ok: false, reason: 'no-tab' },
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    readablePage.value = 'http://top.localhost/other';
    await vi.advanceTimersByTimeAsync(1_000);
    expect(readPageUrls).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).toHaveBeenCalledTimes(3);
  });

  it('keeps the last answer when a read fails; a reload keeps the hosts until its answer, another page forgets them', async () => {
    let answerReload: (r: PageUrlsResult) => void = () => undefined;
    const { slice, navigate, readablePage } = setup([
      ok('http://emb.localhost'),
      { ok: false, reason: 'error', error: 'Frame with ID 0 was removed.' },
      new Error('no background'),
      new Promise<PageUrlsResult>((resolve) => (answerReload = resolve)),
      ok('http://next.test'),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    // The same page reloaded: its hosts stay while it loads, then its answer replaces them.
    navigate();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    answerReload(ok('http://emb.localhost', 'http://late.test'));
    await vi.advanceTimersByTimeAsync(0);
    expect(slice.sites.value).toEqual(['emb.localhost', 'late.test']);
    // Another page: the old one's hosts go at once.
    readablePage.value = 'http://top.localhost/next';
    expect(slice.pageUrls.value).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(slice.sites.value).toEqual(['next.test']);
  });

  it('reads one at a time: no poll starts while a read is out, and an answer older than a navigation is dropped', async () => {
    let answerOld: (r: PageUrlsResult) => void = () => undefined;
    const { slice, readPageUrls, navigate } = setup([
      new Promise<PageUrlsResult>((resolve) => (answerOld = resolve)),
      ok('http://new.test'),
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    navigate();
    await vi.advanceTimersByTimeAsync(0);
    answerOld(ok('http://old.test'));
    await vi.advanceTimersByTimeAsync(0);
    expect(slice.sites.value).toEqual(['new.test']);
  });

  it('reads nothing while the panel is not shown, and once at once when it is shown again', async () => {
    const shown = signal(true);
    const { slice, readPageUrls, navigate } = setup([ok('http://emb.localhost')], TOP, shown);
    await vi.advanceTimersByTimeAsync(0);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    shown.value = false;
    // The poll due meanwhile and a navigation: no read.
    await vi.advanceTimersByTimeAsync(5_000);
    navigate();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    shown.value = true;
    await vi.advanceTimersByTimeAsync(0);
    expect(readPageUrls).toHaveBeenCalledTimes(2);
    // Polling again, one read per pollMs.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(readPageUrls).toHaveBeenCalledTimes(3);
  });

  it('stops on close: no read, timer or navigation listener is left', async () => {
    const { readPageUrls, navigate, readablePage, stop } = setup([ok('http://emb.localhost')]);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    navigate();
    readablePage.value = 'http://top.localhost/other';
    await vi.advanceTimersByTimeAsync(10_000);
    expect(readPageUrls).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
