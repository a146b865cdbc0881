import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTabBadge } from '../../src/platform/action';
import { getActiveTabInWindow, onTabUpdated, onWindowFocusChanged } from '../../src/platform/tab-events';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

describe('platform: badge and tab events', () => {
  beforeEach(() => fake.reset());

  it('sets text, colour and a legible text colour per tab, and only the text when clearing', async () => {
    await setTabBadge(4, { text: '2', color: '#8B0000' });
    expect(fake.action.badge(4)).toEqual({ text: '2', color: '#8B0000', textColor: '#FFFFFF' });
    await setTabBadge(4, { text: '' });
    expect(fake.action.badge(4).text).toBe('');
    expect(fake.action.badge(5).text).toBe('');
  });

  it('reduces tab updates to a url or completion, and focus leaving the browser to undefined', async () => {
    const updates: unknown[] = [];
    const focus: unknown[] = [];
    onTabUpdated((id, u) => updates.push([id, u]));
    onWindowFocusChanged((w) => focus.push(w));
    const tab = fake.tabs.add({ url: 'https://a.test/', windowId: 3 });
    fake.tabs.navigate(tab.id!, 'https://b.test/');
    fake.windows.focus(fake.windows.WINDOW_ID_NONE);
    fake.windows.focus(3);
    expect(updates).toEqual([
      [tab.id, { url: 'https://b.test/', complete: false }],
      [tab.id, { complete: true }],
    ]);
    expect(focus).toEqual([undefined, 3]);
    expect(await getActiveTabInWindow(3)).toEqual({ id: tab.id, url: 'https://b.test/', incognito: false });
    expect(await getActiveTabInWindow(7)).toBeUndefined();
  });
});
