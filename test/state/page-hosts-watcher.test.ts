import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageUrlsResult } from '../../src/protocol/messages';
import { watchPageHosts } from '../../src/state/page-hosts-watcher';
import { createThirdPartySlice } from '../../src/state/third-party-slice';

function setup(answers: Array<PageUrlsResult | Error>) {
  const site = {
    url: signal<string | undefined>('http://top.localhost/'),
    host: signal('top.localhost'),
    tabStore: signal(null),
  };
  const slice = createThirdPartySlice(site, signal([]));
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
  const stop = watchPageHosts(slice, { tabId: 9, readPageUrls, watchNavigation, pollMs: 1_000 });
  return { slice, readPageUrls, stop, navigate: () => navigate() };
}

const ok = (...urls: string[]): PageUrlsResult => ({ ok: true, urls });

describe('watchPageHosts', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the tab’s page at once and every poll, and its sites join the third parties', async () => {
    vi.useFakeTimers();
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

  it('keeps the last answer when a read fails, and forgets the old page on a navigation', async () => {
    vi.useFakeTimers();
    const { slice, navigate, stop } = setup([
      ok('http://emb.localhost'),
      { ok: false, error: 'Frame with ID 0 was removed.' },
      new Error('no background'),
      ok('http://next.test'),
    ]);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    navigate();
    expect(slice.pageUrls.value).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(slice.sites.value).toEqual(['next.test']);
    stop();
  });

  it('drops an answer that comes back after a newer read started (the old page’s)', async () => {
    let release: (r: PageUrlsResult) => void = () => undefined;
    const site = {
      url: signal<string | undefined>('http://top.localhost/'),
      host: signal('top.localhost'),
      tabStore: signal(null),
    };
    const slice = createThirdPartySlice(site, signal([]));
    let calls = 0;
    let navigate = (): void => undefined;
    const stop = watchPageHosts(slice, {
      tabId: 1,
      pollMs: 60_000,
      readPageUrls: () => {
        calls++;
        return calls === 1 ? new Promise<PageUrlsResult>((r) => (release = r)) : Promise.resolve(ok('http://new.test'));
      },
      watchNavigation: (l) => {
        navigate = l;
        return () => undefined;
      },
    });
    navigate();
    await Promise.resolve();
    release(ok('http://old.test'));
    await new Promise((r) => setTimeout(r, 0));
    expect(slice.sites.value).toEqual(['new.test']);
    stop();
  });
});
