import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeBrowser, setOverwriteExpire } from '.';
import type { ChangeInfo } from './fake-cookies';

const fake = createFakeBrowser();
const events: [string, boolean, string][] = [];

describe('the fake cookie jar', () => {
  beforeEach(() => {
    fake.reset();
    events.length = 0;
    fake.cookies.onChanged.addListener((i: ChangeInfo) => events.push([i.cause, i.removed, i.cookie.value]));
  });

  it('fires Chromium’s causes: explicit, overwrite then explicit, expired_overwrite, explicit removal', async () => {
    const url = 'https://shop.test/';
    await setOverwriteExpire(fake, url, 'a', ['1', '2', '3']);
    await fake.cookies.set({ url, name: 'b', value: 'x', expirationDate: 1 });
    await fake.cookies.set({ url, name: 'c', value: 'y' });
    await fake.cookies.remove({ url, name: 'c' });
    expect(events).toEqual([
      ['explicit', false, '1'],
      ['overwrite', true, '1'],
      ['explicit', false, '2'],
      ['expired_overwrite', true, '2'],
      ['explicit', false, 'y'],
      ['explicit', true, 'y'],
    ]);
    expect(fake.cookies.all()).toEqual([]);
  });

  it('keeps cookies apart by path, store and partition, which are part of the identity', async () => {
    const url = 'https://shop.test/';
    await fake.cookies.set({ url, name: 'a', value: '1', path: '/' });
    await fake.cookies.set({ url, name: 'a', value: '2', path: '/x' });
    await fake.cookies.set({ url, name: 'a', value: '3', storeId: '1' });
    await fake.cookies.set({ url, name: 'a', value: '4', partitionKey: { topLevelSite: 'https://top.test' } });
    expect(events.every(([cause]) => cause === 'explicit')).toBe(true);
    expect(fake.cookies.all()).toHaveLength(4);
    expect((await fake.cookies.getAll({ domain: 'shop.test' })).map((c) => c.value).sort()).toEqual(['1', '2', '3']);
    expect((await fake.cookies.getAll({ domain: 'shop.test', partitionKey: {} })).map((c) => c.value).sort()).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    fake.cookies.rejectPartitionKey = true;
    await expect(fake.cookies.getAll({ partitionKey: {} })).rejects.toThrow(/partitionKey/);
  });

  it('expires and evicts on request, and refuses a Domain the URL cannot set', async () => {
    let now = 1_000_000;
    fake.cookies.now = () => now;
    await fake.cookies.set({ url: 'https://a.shop.test/', name: 'e', value: 'soon', expirationDate: 1_001 });
    await fake.cookies.set({ url: 'https://a.shop.test/', name: 'k', value: 'k', domain: 'shop.test' });
    now = 1_002_000;
    expect(fake.cookies.expireDue()).toBe(1);
    expect(fake.cookies.evict({ name: 'k', domain: '.shop.test' })).toBe(true);
    expect(events.slice(2)).toEqual([
      ['expired', true, 'soon'],
      ['evicted', true, 'k'],
    ]);
    await expect(fake.cookies.set({ url: 'https://shop.test/', name: 'z', domain: 'other.test' })).rejects.toThrow();
  });
});

describe('the fake storage', () => {
  beforeEach(() => fake.reset());

  it('applies calls in order and copies values when called', async () => {
    const area = fake.storage.session;
    const value = { n: 1 };
    const a = area.set({ k: value });
    value.n = 2;
    const b = area.remove('k');
    const c = area.set({ k: 'last' });
    const read = area.get(['k', 'none']);
    await Promise.all([a, b, c]);
    expect(await read).toEqual({ k: 'last' });
    expect(area.calls.map((x) => [x.op, x.outcome])).toEqual([
      ['set', 'landed'],
      ['remove', 'landed'],
      ['set', 'landed'],
    ]);
  });

  it('can lose or reject writes', async () => {
    const area = fake.storage.session;
    area.swallowWrites(1);
    const lost = area.set({ a: 1 });
    await area.set({ b: 2 });
    area.failWrites(new Error('quota'), 1);
    await expect(area.set({ c: 3 })).rejects.toThrow('quota');
    let settled = false;
    void lost.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false);
    expect(area.snapshot()).toEqual({ b: 2 });
  });

  it('lists keys (in either order), loses only the writes that match, and can stop answering reads', async () => {
    const area = fake.storage.session;
    await area.set({ a: 1, b: 2 });
    expect(await area.getKeys()).toEqual(['a', 'b']);
    area.listNewestFirst = true;
    expect(await area.getKeys()).toEqual(['b', 'a']);
    expect(Object.keys(await area.get(null))).toEqual(['b', 'a']);
    area.swallowWritesWhen((call) => call.op === 'remove');
    void area.remove('a');
    await area.set({ c: 3 });
    expect(area.calls.slice(-2).map((x) => [x.op, x.outcome])).toEqual([
      ['remove', 'swallowed'],
      ['set', 'landed'],
    ]);
    area.stallReads();
    let answered = false;
    void area.get(null).then(() => (answered = true));
    void area.getKeys().then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(false);
    area.restore();
    expect(await area.get(['a', 'c'])).toEqual({ a: 1, c: 3 });
  });
});

describe('the fake tabs, windows, runtime and action', () => {
  beforeEach(() => fake.reset());

  it('fires navigation, activation and focus events and answers queries', async () => {
    const seen: string[] = [];
    fake.tabs.onUpdated.addListener((id, info) => seen.push(`upd ${id} ${info.status} ${info.url ?? ''}`));
    fake.tabs.onActivated.addListener((info) => seen.push(`act ${info.tabId}`));
    fake.windows.onFocusChanged.addListener((w) => seen.push(`focus ${w}`));
    const t1 = fake.tabs.add({ url: 'https://a.test/' });
    const t2 = fake.tabs.add({ url: 'https://b.test/', windowId: 2 });
    fake.tabs.navigate(t1.id!, 'https://c.test/');
    fake.tabs.activate(t1.id!);
    fake.windows.focus(2);
    expect(seen).toEqual(['upd 1 loading https://c.test/', 'upd 1 complete ', 'act 1', 'focus 2']);
    expect((await fake.tabs.query({ active: true, lastFocusedWindow: true })).map((t) => t.id)).toEqual([t2.id]);
    await expect(fake.tabs.get(99)).rejects.toThrow();
  });

  it('answers messages with the first listener’s answer and keeps per-tab badges', async () => {
    fake.runtime.onMessage.addListener(() => undefined);
    fake.runtime.onMessage.addListener(async (m) => ({ echo: m }));
    expect(await fake.runtime.sendMessage('hi')).toEqual({ echo: 'hi' });
    await fake.action.setBadgeText({ text: 'g' });
    await fake.action.setBadgeText({ tabId: 1, text: '3' });
    await fake.action.setBadgeBackgroundColor({ tabId: 1, color: '#f00' });
    expect(fake.action.badge(1)).toEqual({ text: '3', color: '#f00' });
    expect(fake.action.badge(2)).toEqual({ text: 'g' });
  });
});
