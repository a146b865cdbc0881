import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { ChangeLog } from '../../src/background/change-log';
import { createHandlers, type HandlerDeps } from '../../src/background/handlers';
import type { Handlers, RequestOf, ResponseOf } from '../../src/protocol/messages';
import { makeCookie } from '../fakes/make-cookie';

function fakeLog(): ChangeLog {
  return {
    record: vi.fn(),
    recordAll: vi.fn(),
    query: vi.fn(async () => ({ ok: true as const, entries: [], dropped: 3, capacity: 5000 })),
    clear: vi.fn(async () => 7),
    settled: vi.fn(async () => undefined),
  };
}

const guardState = { ok: true as const, protected: [], blockRules: [] };
const rest = {
  writes: {
    write: vi.fn(async () => ({ ok: true as const, results: [], undoable: false })),
    undo: vi.fn(async () => ({ ok: false as const, reason: 'nothing-to-undo' as const })),
    state: vi.fn(async () => ({ label: null, depth: 0 })),
  },
  guard: {
    cookieChanged: vi.fn(),
    state: vi.fn(async () => guardState),
    setProtected: vi.fn(async () => guardState),
    setBlockRules: vi.fn(async () => guardState),
    pause: vi.fn(() => () => undefined),
    userWrote: vi.fn(async () => undefined),
    settled: vi.fn(async () => undefined),
  },
  cookies: { site: vi.fn(async () => []), sites: vi.fn(async () => []), all: vi.fn(async () => []) },
  readFrameUrls: vi.fn(async () => ({ ok: true as const, frames: [] as unknown[] })),
};

/** The handlers over a fresh log and the usual fakes, with `over` in place of some of them. */
const handlersWith = (over: Partial<HandlerDeps>) =>
  createHandlers({ log: fakeLog(), loadTabCookies: vi.fn(), startedAt: 5, received: () => 0, ...rest, ...over });

describe('the message handlers', () => {
  it('pass the log query on, dropping malformed fields', async () => {
    const log = fakeLog();
    const h = createHandlers({ log, loadTabCookies: vi.fn(), startedAt: 5, received: () => 0, ...rest });
    await h.getChangeLog({ site: 'shop.test', afterSeq: 4 }, undefined);
    await h.getChangeLog({}, undefined);
    await h.getChangeLog({ site: '', afterSeq: Number.NaN }, undefined);
    await h.getChangeLog(null as unknown as RequestOf<'getChangeLog'>, undefined);
    expect(vi.mocked(log.query).mock.calls.map((c) => c[0])).toEqual([{ site: 'shop.test', afterSeq: 4 }, {}, {}, {}]);
  });

  it('answer a query for one cookie store with that store’s entries only (a container tab’s timeline)', async () => {
    const log = fakeLog();
    const entry = (seq: number, storeId: string) => ({
      seq,
      time: 1,
      cause: 'explicit' as const,
      removed: false,
      cookie: makeCookie({ name: `c${seq}`, storeId }),
    });
    vi.mocked(log.query).mockResolvedValue({
      ok: true,
      entries: [entry(1, 'firefox-default'), entry(2, 'firefox-container-1'), entry(3, 'firefox-default')],
      dropped: 3,
      capacity: 5000,
    });
    const h = createHandlers({ log, loadTabCookies: vi.fn(), startedAt: 5, received: () => 0, ...rest });
    const box = await h.getChangeLog({ site: 'shop.test', storeId: 'firefox-container-1' }, undefined);
    expect(box.entries.map((e) => e.seq)).toEqual([2]);
    expect(box.dropped).toBe(3);
    const plain = await h.getChangeLog({ site: 'shop.test', storeId: 'firefox-default' }, undefined);
    expect(plain.entries.map((e) => e.seq)).toEqual([1, 3]);
    // No store (or a malformed one): every store's entries, as before.
    const all = await h.getChangeLog({ site: 'shop.test', storeId: 7 as unknown as string }, undefined);
    expect(all.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(vi.mocked(log.query).mock.calls.map((c) => c[0])).toEqual([
      { site: 'shop.test' },
      { site: 'shop.test' },
      { site: 'shop.test' },
    ]);
  });

  it('answer ping, clear and getTabCookies', async () => {
    const log = fakeLog();
    const loadTabCookies = vi.fn(async (tabId: number) => ({
      ok: false as const,
      reason: 'not-http' as const,
      url: `https://tab${tabId}.example/`,
    }));
    let received = 2;
    const h = createHandlers({ log, loadTabCookies, startedAt: 5, received: () => received, ...rest });
    expect(await h.ping({}, undefined)).toEqual({ ok: true, startedAt: 5, received: 2 });
    received = 9;
    expect(await h.ping({}, undefined)).toEqual({ ok: true, startedAt: 5, received: 9 });
    expect(await h.clearChangeLog({}, undefined)).toEqual({ ok: true, cleared: 7 });
    expect(await h.getTabCookies({ tabId: 3 }, undefined)).toEqual({
      ok: false,
      reason: 'not-http',
      url: 'https://tab3.example/',
    });
    expect(await h.getTabCookies({} as RequestOf<'getTabCookies'>, undefined)).toMatchObject({ reason: 'no-tab' });
    expect(loadTabCookies).toHaveBeenCalledTimes(1);
  });

  it('read cookies for pages without the cookies API: a site or several in a store, or every store; failures in words', async () => {
    const a = makeCookie({ name: 'a', storeId: 'firefox-container-1' });
    const b = makeCookie({ name: 'b' });
    const site = vi.fn(async (_host: string, _store: string | undefined) => [a]);
    const all = vi.fn(async () => [a, b]);
    const sites = vi.fn(async (_hosts: readonly string[], _store: string | undefined) => [b]);
    const h = handlersWith({ cookies: { site, sites, all } });
    expect(await h.readCookies({ scope: 'site', host: 'app.test', storeId: 'firefox-container-1' }, undefined)).toEqual(
      { ok: true, cookies: [a] },
    );
    expect(site).toHaveBeenLastCalledWith('app.test', 'firefox-container-1');
    await h.readCookies({ scope: 'site', host: 'app.test', storeId: 7 as unknown as string }, undefined);
    expect(site).toHaveBeenLastCalledWith('app.test', undefined);
    expect(await h.readCookies({ scope: 'all' }, undefined)).toEqual({ ok: true, cookies: [a, b] });
    expect(await h.readCookies({ scope: 'site' } as RequestOf<'readCookies'>, undefined)).toEqual({
      ok: false,
      error: 'no site to read the cookies of',
    });
    expect(await h.readCookies(null as unknown as RequestOf<'readCookies'>, undefined)).toMatchObject({ ok: false });
    all.mockRejectedValueOnce(new Error('Invalid cookie store id'));
    expect(await h.readCookies({ scope: 'all' }, undefined)).toEqual({ ok: false, error: 'Invalid cookie store id' });
    expect(site).toHaveBeenCalledTimes(2);

    // Several sites in one read (the panel's third parties in Firefox), each a non-empty string, at most 200.
    expect(await h.readCookies({ scope: 'sites', hosts: ['a.test', 'b.test'], storeId: '0' }, undefined)).toEqual({
      ok: true,
      cookies: [b],
    });
    expect(sites).toHaveBeenLastCalledWith(['a.test', 'b.test'], '0');
    const many = Array.from({ length: 200 }, (_, i) => `s${i}.test`);
    expect(await h.readCookies({ scope: 'sites', hosts: many }, undefined)).toMatchObject({ ok: true });
    expect(sites).toHaveBeenLastCalledWith(many, undefined);
    for (const hosts of [[], [...many, 'one.test'], ['a.test', ''], ['a.test', 5], 'a.test', undefined]) {
      const request = { scope: 'sites', hosts } as unknown as RequestOf<'readCookies'>;
      expect(await h.readCookies(request, undefined)).toEqual({ ok: false, error: 'no site to read the cookies of' });
    }
    expect(await h.readCookies({ scope: 'site', host: '' }, undefined)).toMatchObject({ ok: false });
    expect(sites).toHaveBeenCalledTimes(2);
  });

  it('answer the page’s frame and subresource origins checked, never what a frame made up; failures in words', async () => {
    const readFrameUrls = vi.fn(async (_tabId: number) => ({
      ok: true as const,
      frames: [
        { href: 'http://top.localhost:81/a?q=1', resources: ['http://emb.localhost:81', 'javascript:alert(1)', 5] },
        undefined,
        { href: { toString: (): string => 'http://fake.test/' }, resources: 'http://fake2.test/' },
        { href: 'http://emb.localhost:81/frame', resources: [] },
      ],
    }));
    const h = handlersWith({ readFrameUrls });
    expect(await h.getPageUrls({ tabId: 4 }, undefined)).toEqual({
      ok: true,
      urls: ['http://top.localhost:81', 'http://emb.localhost:81'],
    });
    expect(readFrameUrls).toHaveBeenCalledWith(4);
    expect(await h.getPageUrls({ tabId: 'x' } as unknown as RequestOf<'getPageUrls'>, undefined)).toEqual({
      ok: false,
      reason: 'no-tab',
    });
    readFrameUrls.mockResolvedValueOnce({ ok: false, reason: 'no-permission' } as never);
    expect(await h.getPageUrls({ tabId: 4 }, undefined)).toEqual({ ok: false, reason: 'no-permission' });
    readFrameUrls.mockResolvedValueOnce({ ok: false, reason: 'error', error: 'x'.repeat(600) } as never);
    expect(await h.getPageUrls({ tabId: 4 }, undefined)).toEqual({
      ok: false,
      reason: 'error',
      error: 'x'.repeat(500),
    });
  });

  it('are typed from the protocol map: a missing handler or a wrong response does not compile', () => {
    expectTypeOf<ResponseOf<'getChangeLog'>['entries'][number]['seq']>().toEqualTypeOf<number>();
    expectTypeOf<RequestOf<'getTabCookies'>>().toEqualTypeOf<{ tabId: number }>();
    // @ts-expect-error clearChangeLog is missing
    const missing: Handlers<unknown> = {
      ping: async () => ({ ok: true, startedAt: 0, received: 0 }),
      getTabCookies: async () => ({ ok: false, reason: 'error', error: '' }),
      getChangeLog: async () => ({ ok: true, entries: [], dropped: 0, capacity: 0 }),
    };
    const wrong: Handlers<unknown> = {
      ...missing,
      // @ts-expect-error cleared must be a number
      clearChangeLog: async () => ({ ok: true, cleared: 'all' }),
    };
    expect(Object.keys(wrong)).toContain('clearChangeLog');
  });
});
