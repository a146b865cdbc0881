import { signal } from '@preact/signals';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import type { NetworkEntry } from '../../src/core/network/network-entry';
import type { TabStore } from '../../src/protocol/messages';
import { createFilterSlice } from '../../src/state/filter-slice';
import { createThirdPartyLoader, createThirdPartySlice } from '../../src/state/third-party-slice';
import { embedChip } from '../fakes/embed-cookies';
import { makeCookie } from '../fakes/make-cookie';

const request = (url: string): NetworkEntry => ({
  url,
  method: 'GET',
  status: 200,
  timeMs: 0,
  requestHeaders: [],
  responseHeaders: [],
});

function setup(
  jar: CookieRecord[],
  sitesCookies?: (sites: readonly string[], storeId: string | undefined) => Promise<CookieRecord[]>,
  settleMs?: number,
) {
  const url = signal<string | undefined>('http://top.localhost/');
  const host = signal('top.localhost');
  const tabStore = signal<TabStore | null>({ id: 'store-7' } as TabStore);
  const requests = signal<readonly NetworkEntry[]>([]);
  const site = { url, host, tabStore };
  const slice = createThirdPartySlice(site, requests);
  const under = (c: CookieRecord, s: string) => c.domain.replace(/^\./, '') === s || c.domain.endsWith(`.${s}`);
  const read = vi.fn(
    sitesCookies ?? (async (sites: readonly string[]) => jar.filter((c) => sites.some((s) => under(c, s)))),
  );
  const loader = createThirdPartyLoader(slice, site, {
    sitesCookies: read,
    analyze: analyzeSite,
    ...(settleMs === undefined ? {} : { settleMs }),
  });
  return { slice, loader, read, requests, url, host };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('third-party slice and loader', () => {
  const chip = embedChip('http://top.localhost', { httpOnly: false });
  const elsewhere = embedChip('http://x.localhost', { name: 'other' });
  const tp = makeCookie({
    name: 'tp',
    domain: '.emb.localhost',
    hostOnly: false,
    secure: false,
    sameSite: 'unspecified',
  });

  it('reads the sites the requests went to, from the tab’s store, and keeps the cookies that belong to this page', async () => {
    const { slice, read, requests } = setup([chip, elsewhere, tp]);
    expect(slice.sites.value).toEqual([]);
    requests.value = [
      request('http://top.localhost/'),
      request('http://emb.localhost/frame'),
      request('http://emb.localhost/x.js'),
    ];
    await until(() => slice.state.value === 'ready' && slice.views.value.length > 0);
    expect(read).toHaveBeenCalledWith(['emb.localhost'], 'store-7');
    expect(slice.views.value.map((v) => v.cookie.name).sort()).toEqual(['chip', 'tp']);
    // The same rules as the site's own cookies: a readable cookie with no Secure flag has findings.
    const tpView = slice.views.value.find((v) => v.cookie.name === 'tp')!;
    expect(tpView.findings.length).toBeGreaterThan(0);
    expect(slice.keys.value.has(tpView.key)).toBe(true);
  });

  it('reads every third party in one read, and shows only their cookies whatever else the read gives', async () => {
    const cdn = makeCookie({ name: 'cdn', domain: 'cdn.localhost' });
    const unrelated = makeCookie({ name: 'unrelated', domain: 'nowhere.localhost' });
    // A reader that answers with the whole store, as the browser's whole-store read does before it is narrowed.
    const { slice, read, requests } = setup([], async () => [chip, elsewhere, tp, cdn, unrelated]);
    requests.value = [
      request('http://emb.localhost/frame'),
      request('http://cdn.localhost/x.js'),
      request('http://ads.localhost/p.gif'),
    ];
    await until(() => slice.state.value === 'ready' && slice.views.value.length > 0);
    expect(read).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledWith(['emb.localhost', 'cdn.localhost', 'ads.localhost'], 'store-7');
    expect(slice.views.value.map((v) => v.cookie.name).sort()).toEqual(['cdn', 'chip', 'tp']);
  });

  it('reads only the sites whose cookies changed again, and keeps the other sites’ rows as they were', async () => {
    const jar = [
      tp,
      makeCookie({ name: 'cdn', domain: 'cdn.localhost' }),
      makeCookie({ name: 'ad', domain: 'ads.localhost' }),
    ];
    const { slice, loader, read, requests } = setup(jar);
    requests.value = ['http://emb.localhost/f', 'http://cdn.localhost/x.js', 'http://ads.localhost/p.gif'].map(request);
    await until(() => slice.state.value === 'ready' && slice.views.value.length === 3);
    const before = new Map(slice.views.value.map((v) => [v.cookie.name, v]));
    jar.push(makeCookie({ name: 'cdn2', domain: 'cdn.localhost' }));
    jar.splice(
      jar.findIndex((c) => c.name === 'ad'),
      1,
    );
    await loader.load(['cdn.localhost', 'ads.localhost']);
    expect(read).toHaveBeenCalledTimes(2);
    expect(read).toHaveBeenLastCalledWith(['cdn.localhost', 'ads.localhost'], 'store-7');
    expect(slice.views.value.map((v) => v.cookie.name)).toEqual(['tp', 'cdn', 'cdn2']);
    // The unchanged site's row is the very view of the last read: not read, not analysed again.
    expect(slice.views.value[0]).toBe(before.get('tp'));
    // Another page, store or list of sites: every site is read again, whatever changed.
    slice.showPageUrls(['http://top.localhost', 'http://new.localhost']);
    await until(() => read.mock.calls.length === 3);
    expect(read).toHaveBeenLastCalledWith(
      ['new.localhost', 'emb.localhost', 'cdn.localhost', 'ads.localhost'],
      'store-7',
    );
  });

  it('ends with every site’s cookies as the jar holds them, however reads of some sites and of all overlap', async () => {
    const SITES = ['a.localhost', 'b.localhost', 'c.localhost'];
    const op = fc.record({
      site: fc.constantFrom(...SITES),
      kind: fc.constantFrom('set', 'remove', 'untold'),
      whole: fc.boolean(),
      settle: fc.boolean(),
      delayMs: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const jar: CookieRecord[] = SITES.map((d) => makeCookie({ name: 'n0', domain: d }));
        let delay = 0;
        const answer = async (sites: readonly string[]) => {
          const wait = delay;
          const snapshot = () => jar.filter((c) => sites.includes(c.domain));
          await new Promise((r) => setTimeout(r, wait));
          return snapshot();
        };
        const { slice, loader, requests } = setup([], answer, 0);
        requests.value = SITES.map((d) => request(`http://${d}/`));
        await until(() => slice.state.value === 'ready' && slice.views.value.length === 3);
        const loads: Promise<void>[] = [];
        for (const [i, o] of ops.entries()) {
          delay = o.delayMs;
          const own = jar.filter((c) => c.domain === o.site);
          if (o.kind === 'remove' && own.length > 0) jar.splice(jar.indexOf(own[0]!), 1);
          else jar.push(makeCookie({ name: `n${i + 1}`, domain: o.site, value: String(i) }));
          // A change no event told of (a navigation's): only a read of every site takes it in.
          const told = o.kind === 'untold' ? [] : [o.site];
          loads.push(o.whole || o.kind === 'untold' ? loader.load() : loader.load(told));
          // Some reads end before the next change, others are overtaken by the next read.
          if (o.settle) await Promise.all(loads);
        }
        await Promise.all(loads);
        loader.dispose();
        const shown = slice.views.value.map((v) => `${v.cookie.domain}/${v.cookie.name}=${v.cookie.value}`).sort();
        const truth = jar.map((c) => `${c.domain}/${c.name}=${c.value}`).sort();
        expect(shown).toEqual(truth);
      }),
      { numRuns: 60 },
    );
  });

  it('does not read again when new requests go to sites already known', async () => {
    const { slice, read, requests } = setup([tp]);
    requests.value = [request('http://emb.localhost/a')];
    await until(() => slice.state.value === 'ready');
    requests.value = [...requests.value, request('http://www.emb.localhost/b')];
    await new Promise((r) => setTimeout(r, 20));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('merges the hosts the page itself reports (frames, subresources) with the recorded requests', async () => {
    const { slice, read, requests } = setup([chip, tp]);
    // No request recorded (a panel opened as a tab): the page's own answer is enough.
    slice.showPageUrls(['http://top.localhost', 'http://emb.localhost']);
    expect(slice.sites.value).toEqual(['emb.localhost']);
    await until(() => slice.state.value === 'ready' && slice.views.value.length === 2);
    expect(read).toHaveBeenCalledWith(['emb.localhost'], 'store-7');
    // Both sources together, each site once, the page's first.
    requests.value = [request('http://cdn.localhost/x.js'), request('http://www.emb.localhost/y')];
    expect(slice.sites.value).toEqual(['emb.localhost', 'cdn.localhost']);
    // A new read of the page without the frame: the recorded requests still count.
    slice.showPageUrls(['http://top.localhost']);
    expect(slice.sites.value).toEqual(['cdn.localhost', 'emb.localhost']);
  });

  it('lists no site before the page’s own host is known (every site would look like a third party)', () => {
    const site = { url: signal<string | undefined>(undefined), host: signal(''), tabStore: signal(null) };
    const slice = createThirdPartySlice(site, signal([]));
    slice.showPageUrls(['http://top.localhost', 'http://emb.localhost']);
    expect(slice.sites.value).toEqual([]);
    site.host.value = 'top.localhost';
    expect(slice.sites.value).toEqual(['emb.localhost']);
  });

  it('says why when the store cannot be read', async () => {
    const { slice, requests } = setup([], async () => {
      throw new Error('No host permissions for cookies at url');
    });
    requests.value = [request('http://emb.localhost/a')];
    await until(() => slice.state.value === 'error');
    expect(slice.error.value).toContain('No host permissions');
  });

  it('is unavailable without a reader', async () => {
    const site = {
      url: signal<string | undefined>('http://top.localhost/'),
      host: signal('top.localhost'),
      tabStore: signal(null),
    };
    const slice = createThirdPartySlice(site, signal([request('http://emb.localhost/')]));
    await createThirdPartyLoader(slice, site, undefined).load();
    expect(slice.state.value).toBe('unavailable');
  });

  it('feeds the filter’s views: this site, third parties, all, with their counts', async () => {
    const { slice, requests } = setup([chip, tp]);
    requests.value = [request('http://emb.localhost/a')];
    await until(() => slice.views.value.length === 2);
    const own = (await analyzeSite('http://top.localhost/', [makeCookie({ name: 'sid', domain: 'top.localhost' })], 0))
      .cookies;
    const filter = createFilterSlice(signal(own), signal(0), slice.views);
    expect(filter.scopeCounts.value).toEqual({ 'this-site': 1, 'third-parties': 2, all: 3 });
    expect(filter.visible.value.map((v) => v.cookie.name)).toEqual(['sid']);
    filter.scope.value = 'third-parties';
    expect(filter.visible.value.map((v) => v.cookie.name).sort()).toEqual(['chip', 'tp']);
    filter.scope.value = 'all';
    filter.text.value = 'partitioned:yes';
    expect(filter.visible.value.map((v) => v.cookie.name)).toEqual(['chip']);
  });
});
