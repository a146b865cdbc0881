import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setTabBadge } from '../../src/platform/action';
import { getActiveTabs, onTabUpdated } from '../../src/platform/tab-events';

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

  it('reduces tab updates to a url or completion, and lists the active tab of every window', async () => {
    const updates: unknown[] = [];
    onTabUpdated((id, u) => updates.push([id, u]));
    const tab = fake.tabs.add({ url: 'https://a.test/', windowId: 3 });
    fake.tabs.add({ url: 'https://c.test/', windowId: 3, active: false });
    const other = fake.tabs.add({ url: 'https://d.test/', windowId: 5 });
    fake.tabs.navigate(tab.id!, 'https://b.test/');
    expect(updates).toEqual([
      [tab.id, { url: 'https://b.test/', complete: false }],
      [tab.id, { complete: true }],
    ]);
    expect(await getActiveTabs()).toEqual([
      { id: tab.id, url: 'https://b.test/', incognito: false },
      { id: other.id, url: 'https://d.test/', incognito: false },
    ]);
  });
});
