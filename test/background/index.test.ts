import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import type { ChangeLogResult, TabCookiesResult } from '../../src/protocol/messages';
import { setOverwriteExpire } from '../fakes';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));
// The audit rules are written elsewhere; here a cookie named `bad` is a high finding, `worse` a critical one.
vi.mock('../../src/core/analyze-site', () => ({
  analyzeSite: async (pageUrl: string, cookies: CookieRecord[]) => ({
    pageUrl,
    cookies: [],
    audit: {
      score: 0,
      grade: 'F',
      findings: cookies.flatMap((c) =>
        c.name === 'bad' ? [{ severity: 'high' }] : c.name === 'worse' ? [{ severity: 'critical' }] : [],
      ),
    },
  }),
}));

/** Starts a worker: a fresh module instance over whatever storage holds, as after the browser stopped it. */
async function startWorker(): Promise<void> {
  fake.cookies.onChanged.clear();
  fake.runtime.onMessage.clear();
  fake.tabs.reset();
  fake.windows.reset();
  vi.resetModules();
  await import('../../src/background/index');
}

const getLog = (data: { site?: string; afterSeq?: number } = {}) =>
  fake.runtime.sendMessage({ sessionscope: 1, type: 'getChangeLog', data }) as Promise<ChangeLogResult>;

describe('the background worker', () => {
  beforeEach(async () => {
    fake.reset();
    await startWorker();
  });

  it('registers its listeners when the script first runs', () => {
    expect(fake.cookies.onChanged.hasListeners()).toBe(true);
    expect(fake.runtime.onMessage.hasListeners()).toBe(true);
    expect(fake.tabs.onUpdated.hasListeners()).toBe(true);
    expect(fake.tabs.onActivated.hasListeners()).toBe(true);
    // A window gaining focus is no trigger: every toolbar popup's opening fires it (badge-controller.ts).
    expect(fake.windows.onFocusChanged.hasListeners()).toBe(false);
  });

  it('logs every cookie change with its cause, readable by an extension page', async () => {
    await setOverwriteExpire(fake, 'https://shop.test/', 'sid', ['one', 'two', 'gone']);
    const log = await getLog();
    expect(log.entries.map((e) => [e.seq, e.cause, e.removed, e.cookie.value])).toEqual([
      [0, 'explicit', false, 'one'],
      [1, 'overwrite', true, 'one'],
      [2, 'explicit', false, 'two'],
      [3, 'expired_overwrite', true, 'two'],
    ]);
    expect(log).toMatchObject({ ok: true, dropped: 0, capacity: 5000 });
  });

  it('continues the log and the seq in a restarted worker', async () => {
    const url = 'https://shop.test/';
    await fake.cookies.set({ url, name: 'a', value: '1' });
    const before = (await fake.runtime.sendMessage({ sessionscope: 1, type: 'ping', data: {} })) as {
      startedAt: number;
    };
    await startWorker();
    await fake.cookies.set({ url, name: 'b', value: '2' });
    const log = await getLog();
    expect(log.entries.map((e) => [e.seq, e.cookie.name])).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    const after = (await fake.runtime.sendMessage({ sessionscope: 1, type: 'ping', data: {} })) as {
      ok: boolean;
      startedAt: number;
    };
    expect(after.ok).toBe(true);
    expect(after.startedAt).toBeGreaterThanOrEqual(before.startedAt);
  });

  it('counts in ping the cookie events this instance received, from 0 after a restart', async () => {
    const ping = () =>
      fake.runtime.sendMessage({ sessionscope: 1, type: 'ping', data: {} }) as Promise<{ received: number }>;
    const url = 'https://shop.test/';
    expect((await ping()).received).toBe(0);
    await fake.cookies.set({ url, name: 'a', value: '1' });
    await fake.cookies.set({ url, name: 'a', value: '2' });
    // A new cookie fires one event; replacing it fires two (the overwrite, then the new one).
    expect((await ping()).received).toBe(3);
    await startWorker();
    expect((await ping()).received).toBe(0);
    await fake.cookies.set({ url, name: 'b', value: '1' });
    expect((await ping()).received).toBe(1);
  });

  it('filters the log by site and afterSeq, and clears it', async () => {
    await fake.cookies.set({ url: 'https://a.shop.test/', name: 'x', value: '1', domain: 'shop.test' });
    await fake.cookies.set({ url: 'https://other.test/', name: 'y', value: '2' });
    await fake.cookies.set({ url: 'https://shop.test/', name: 'z', value: '3' });
    expect((await getLog({ site: 'www.shop.test' })).entries.map((e) => e.cookie.name)).toEqual(['x', 'z']);
    expect((await getLog({ afterSeq: 1 })).entries.map((e) => e.cookie.name)).toEqual(['z']);
    const cleared = await fake.runtime.sendMessage({ sessionscope: 1, type: 'clearChangeLog', data: {} });
    expect(cleared).toEqual({ ok: true, cleared: 3 });
    expect((await getLog()).entries).toEqual([]);
  });

  it('answers getTabCookies with the cookies the tab would send', async () => {
    const tab = fake.tabs.add({ url: 'https://shop.test/account' });
    await fake.cookies.set({ url: 'https://shop.test/', name: 'sid', value: 's' });
    await fake.cookies.set({ url: 'https://shop.test/admin', name: 'adm', value: 'a' });
    const res = (await fake.runtime.sendMessage({
      sessionscope: 1,
      type: 'getTabCookies',
      data: { tabId: tab.id },
    })) as TabCookiesResult;
    expect(res.ok && res.cookies.map((c) => c.name)).toEqual(['sid']);
    const missing = (await fake.runtime.sendMessage({
      sessionscope: 1,
      type: 'getTabCookies',
      data: { tabId: 999 },
    })) as TabCookiesResult;
    expect(missing).toMatchObject({ ok: false, reason: 'no-tab' });
  });

  it('does not answer a content script, another extension or a message that is not ours', async () => {
    await fake.cookies.set({ url: 'https://shop.test/', name: 'sid', value: 'secret' });
    const msg = { sessionscope: 1, type: 'getChangeLog', data: {} };
    expect(await fake.runtime.dispatch(msg, { id: fake.runtime.id, url: 'https://shop.test/' })).toBeUndefined();
    expect(
      await fake.runtime.dispatch(msg, { id: 'another-extension', url: 'chrome-extension://another-extension/p.html' }),
    ).toBeUndefined();
    expect(await fake.runtime.sendMessage({ type: 'getChangeLog', data: {} })).toBeUndefined();
    expect(await fake.runtime.sendMessage({ sessionscope: 1, type: 'eval', data: {} })).toBeUndefined();
    expect((await getLog()).entries).toHaveLength(1);
  });

  it('sets the badge of a tab when it navigates, is activated, or its site’s cookies change', async () => {
    const tab = fake.tabs.add({ url: 'about:blank' });
    const id = tab.id!;
    await fake.cookies.set({ url: 'https://shop.test/', name: 'bad', value: '1' });
    fake.tabs.navigate(id, 'https://shop.test/');
    await vi.waitFor(() => expect(fake.action.badge(id)).toMatchObject({ text: '1', color: '#D9480F' }));

    await fake.cookies.set({ url: 'https://shop.test/', name: 'worse', value: '1' });
    await vi.waitFor(() => expect(fake.action.badge(id)).toMatchObject({ text: '2', color: '#8B0000' }));

    const other = fake.tabs.add({ url: 'https://clean.test/', active: false });
    fake.tabs.activate(other.id!);
    await vi.waitFor(() => expect(fake.action.badge(other.id!)).toMatchObject({ text: '' }));
    expect(fake.action.badge(id).text).toBe('2');
  });

  it('gives a tab’s popup an address naming the page each time the tab’s address changes', async () => {
    const { id } = fake.tabs.add({ url: 'about:blank' });
    fake.tabs.navigate(id!, 'https://shop.test/cart?x=1');
    await vi.waitFor(() =>
      expect(fake.action.popups.get(id!)).toBe(
        `src/popup/index.html?tabId=${id}&url=${encodeURIComponent('https://shop.test/cart?x=1')}`,
      ),
    );
    fake.tabs.navigate(id!, 'about:blank');
    await vi.waitFor(() => expect(fake.action.popups.get(id!)).toBe(`src/popup/index.html?tabId=${id}`));
  });
});
