import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loadTabCookies, loadUrlCookies } from '../../src/platform/site-cookies';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

describe('platform: a tab’s cookies or the reason there are none', () => {
  beforeEach(() => fake.reset());

  it('answers with the page’s cookies when it can read them', async () => {
    const tab = fake.tabs.add({ url: 'https://app.example.com/account' });
    await fake.cookies.set({ url: 'https://app.example.com/', name: 'sid', value: 'abc' });
    const result = await loadTabCookies(tab.id!);
    expect(result).toMatchObject({ ok: true, tabId: tab.id, url: 'https://app.example.com/account' });
    expect(result.ok && result.cookies.map((c) => c.name)).toEqual(['sid']);
  });

  it('gives reasons and data, never sentences: the views put them in words', async () => {
    expect(await loadTabCookies(404)).toEqual({ ok: false, reason: 'no-tab', tabId: 404 });
    const blank = fake.tabs.add({ url: 'about:blank' });
    expect(await loadTabCookies(blank.id!)).toEqual({ ok: false, reason: 'not-http', url: 'about:blank' });
    expect(await loadUrlCookies(1, 'https://')).toEqual({ ok: false, reason: 'not-http', url: 'https://' });
    fake.permissions.revokeAll();
    const denied = fake.tabs.add({ url: 'https://app.example.com/' });
    expect(await loadTabCookies(denied.id!)).toEqual({
      ok: false,
      reason: 'no-permission',
      url: 'https://app.example.com/',
    });
  });

  it('hands up what the browser said when listing fails', async () => {
    const tab = fake.tabs.add({ url: 'https://app.example.com/' });
    vi.spyOn(fake.cookies, 'getAll').mockRejectedValue(new Error('cookie store locked'));
    const result = await loadTabCookies(tab.id!);
    expect(result).toMatchObject({ ok: false, reason: 'error', url: 'https://app.example.com/' });
    expect(!result.ok && result.reason === 'error' && result.error).toContain('cookie store locked');
    expect(Object.keys(result).sort()).toEqual(['error', 'ok', 'reason', 'url']);
  });
});
