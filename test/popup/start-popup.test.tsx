// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeSite } from '../../src/core/analyze-site';
import type { CookieRecord } from '../../src/core/cookie/cookie-record';
import { cookieKey } from '../../src/core/cookie/cookie-key';
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

  it('after a delete keeps the rows on screen until the new read is in, and the next row takes the focus', async () => {
    let jar: CookieRecord[] = ['a', 'b', 'c'].map((name) => record({ name, value: `plain-${name}` }));
    const root = document.createElement('div');
    document.body.append(root);
    roots.push(root);
    const store = startPopup(
      {
        tabId: 9,
        activeTab: async () => ({ id: 9 }),
        loadTabCookies: async (tabId) => ({ ok: true, tabId, url: 'https://app.example.com/', cookies: jar }),
        requestHostPermission: async () => false,
        analyze: analyzeSite,
        edit: {
          writeCookies: async (ops) => {
            const gone = new Set(ops.map((op) => cookieKey(op.cookie)));
            jar = jar.filter((c) => !gone.has(cookieKey(c)));
            return {
              ok: true,
              undoable: true,
              results: ops.map((op) => ({ op, outcome: 'written' as const, now: null })),
            };
          },
          undoLast: async () => ({ ok: false, reason: 'nothing-to-undo' }),
          getUndoState: async () => ({ label: null, depth: 0 }),
          getGuards: async () => ({ ok: true, protected: [], blockRules: [] }),
          setProtected: async () => ({ ok: true, protected: [], blockRules: [] }),
          setBlockRules: async () => ({ ok: true, protected: [], blockRules: [] }),
        },
      },
      { root },
    );
    const rowOf = (name: string) => root.querySelector<HTMLElement>(`[data-testid="cookie-row"][data-name="${name}"]`);
    await vi.waitFor(() => expect(rowOf('b')).not.toBeNull());
    const states: string[] = [];
    const stopWatching = store.site.state.subscribe((s) => states.push(s));
    rowOf('b')!.querySelector<HTMLElement>('[data-testid="cookie-toggle"]')!.click();
    await vi.waitFor(() => expect(rowOf('b')!.querySelector('[data-testid="cookie-delete"]')).not.toBeNull());
    const del = rowOf('b')!.querySelector<HTMLButtonElement>('[data-testid="cookie-delete"]')!;
    del.focus();
    del.click();
    await vi.waitFor(() => expect(rowOf('b')).toBeNull());
    stopWatching();
    // No loading state in between: the rows a and c never left the DOM.
    expect(states.every((s) => s === 'ready')).toBe(true);
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(rowOf('c')!.querySelector('[data-testid="cookie-toggle"]')),
    );
    root.remove();
  });
});
