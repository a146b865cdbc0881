import { describe, expect, it, vi } from 'vitest';
import { startFirstRead } from '../../src/popup/first-read';
import type { TabCookiesResult } from '../../src/protocol/messages';

const answer = (tabId: number, names: string[]): TabCookiesResult => ({
  ok: true,
  tabId,
  url: 'https://app.example.com/',
  cookies: names.map((name) => ({ name }) as never),
});

describe('startFirstRead: the popup’s reads, started before its code is evaluated', () => {
  it('reads the active tab’s cookies at once and answers the first calls with that read', async () => {
    const activeTab = vi.fn(async () => ({ id: 7 }));
    const loadTabCookies = vi.fn(async (id: number) => answer(id, ['sid']));
    const early = startFirstRead({ activeTab, loadTabCookies }, '');
    expect(early.tabId).toBeUndefined();
    // Started before anyone asked.
    expect(activeTab).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(loadTabCookies).toHaveBeenCalledWith(7));

    expect(await early.activeTab()).toEqual({ id: 7 });
    expect(await early.loadTabCookies(7)).toEqual(answer(7, ['sid']));
    expect(activeTab).toHaveBeenCalledTimes(1);
    expect(loadTabCookies).toHaveBeenCalledTimes(1);
  });

  it('reads afresh after the first answer (a reload sees the jar as it is then)', async () => {
    let names = ['sid'];
    const loadTabCookies = vi.fn(async (id: number) => answer(id, names));
    const early = startFirstRead({ activeTab: async () => ({ id: 7 }), loadTabCookies }, '?tabId=3');
    expect(early.tabId).toBe(3);
    await vi.waitFor(() => expect(loadTabCookies).toHaveBeenCalledTimes(1));
    names = ['sid', 'theme'];
    expect(await early.loadTabCookies(3)).toEqual(answer(3, ['sid']));
    expect(await early.loadTabCookies(3)).toEqual(answer(3, ['sid', 'theme']));
    expect(loadTabCookies).toHaveBeenCalledTimes(2);
  });

  it('reads the asked tab when it is not the one read early, and never reads the active tab for ?tabId=N', async () => {
    const activeTab = vi.fn(async () => ({ id: 7 }));
    const loadTabCookies = vi.fn(async (id: number) => answer(id, [`of-${id}`]));
    const early = startFirstRead({ activeTab, loadTabCookies }, '?tabId=3');
    expect(await early.loadTabCookies(5)).toEqual(answer(5, ['of-5']));
    expect(activeTab).not.toHaveBeenCalled();
  });

  it('starts the guessed page’s read with the tab’s and hands it to the first cookie read only', async () => {
    const started: string[] = [];
    const prefetch = vi.fn((url: string) => {
      started.push(url);
      return { url, cookies: Promise.resolve([]) };
    });
    const loadTabCookies = vi.fn(async (id: number) => answer(id, ['sid']));
    const search = '?tabId=3&url=https%3A%2F%2Fapp.example.com%2F';
    const early = startFirstRead({ activeTab: async () => undefined, loadTabCookies, prefetch }, search);
    // Asked for before the tab read has answered.
    expect(started).toEqual(['https://app.example.com/']);
    await vi.waitFor(() => expect(loadTabCookies).toHaveBeenCalledTimes(1));
    expect(loadTabCookies.mock.calls[0]).toEqual([
      3,
      { url: 'https://app.example.com/', cookies: expect.any(Promise) },
    ]);
    await early.loadTabCookies(3);
    await early.loadTabCookies(3);
    expect(loadTabCookies.mock.calls[1]).toEqual([3]);
    // No tab in the address, or no web page: nothing is guessed.
    startFirstRead({ activeTab: async () => ({ id: 7 }), loadTabCookies, prefetch }, '?url=https%3A%2F%2Fa.example%2F');
    startFirstRead({ activeTab: async () => undefined, loadTabCookies, prefetch }, '?tabId=3&url=about%3Ablank');
    expect(prefetch).toHaveBeenCalledTimes(1);
  });

  it('a failed early look-up is met again by the popup’s own call, not lost', async () => {
    const activeTab = vi
      .fn<() => Promise<{ id: number } | undefined>>()
      .mockRejectedValueOnce(new Error('no window'))
      .mockResolvedValue({ id: 7 });
    const loadTabCookies = vi.fn(async (id: number) => answer(id, ['sid']));
    const early = startFirstRead({ activeTab, loadTabCookies }, '');
    await expect(early.activeTab()).rejects.toThrow('no window');
    // No tab was read early, so the cookies are read when asked.
    expect(await early.loadTabCookies(7)).toEqual(answer(7, ['sid']));
    expect(loadTabCookies).toHaveBeenCalledTimes(1);
  });
});
