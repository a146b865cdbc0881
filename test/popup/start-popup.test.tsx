// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import { startPopup } from '../../src/popup/start-popup';
import { NOW, record } from '../ui/fixtures';

const roots: Element[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) render(null, root);
  vi.useRealTimers();
});

describe('startPopup', () => {
  it('mounts the popup, loads the active tab and keeps relative times current', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'Date'] });
    const root = document.createElement('div');
    roots.push(root);
    const store = startPopup(
      {
        tabId: undefined,
        activeTab: async () => ({ id: 9 }),
        loadTabCookies: async (tabId) => ({
          ok: true,
          tabId,
          url: 'https://app.example.com/',
          cookies: [record({ name: 'sid' })],
        }),
        requestHostPermission: async () => false,
        analyze: analyzeSite,
      },
      { root, tickMs: 1000 },
    );
    expect(Object.keys(store).sort()).toEqual(['page', 'report', 'selection', 'site', 'verification']);
    await vi.waitFor(() => expect(store.site.state.value).toBe('ready'));
    expect(root.querySelector('[data-testid="popup"]')).not.toBeNull();
    const shown = store.site.now.value;
    vi.advanceTimersByTime(1000);
    expect(store.site.now.value).toBeGreaterThan(shown);
  });
});
