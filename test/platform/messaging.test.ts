import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isOwnPage, listen, send } from '../../src/platform/messaging';
import type { Handlers } from '../../src/protocol/messages';

const fake = await vi.hoisted(async () => (await import('../fakes')).createFakeBrowser());
vi.mock('webextension-polyfill', () => ({ default: fake }));

function handlers(): Handlers<unknown> {
  return {
    ping: vi.fn(async () => ({ ok: true as const, startedAt: 1, received: 0 })),
    getTabCookies: vi.fn(async () => ({ ok: false as const, reason: 'no-tab' as const })),
    getChangeLog: vi.fn(async () => ({ ok: true as const, entries: [], dropped: 0, capacity: 5000 })),
    clearChangeLog: vi.fn(async () => ({ ok: true as const, cleared: 0 })),
    writeCookies: vi.fn(async () => ({ ok: true as const, results: [], undoable: false })),
    undoLast: vi.fn(async () => ({ ok: false as const, reason: 'nothing-to-undo' as const })),
    getUndoState: vi.fn(async () => ({ label: null, depth: 0 })),
    getGuards: vi.fn(async () => ({ ok: true as const, protected: [], blockRules: [] })),
    setProtected: vi.fn(async () => ({ ok: true as const, protected: [], blockRules: [] })),
    setBlockRules: vi.fn(async () => ({ ok: true as const, protected: [], blockRules: [] })),
    readCookies: vi.fn(async () => ({ ok: true as const, cookies: [] })),
    getPageUrls: vi.fn(async () => ({ ok: true as const, urls: [] })),
  };
}

describe('the sender allow-list', () => {
  beforeEach(() => fake.reset());

  it('accepts only this extension’s own pages', () => {
    expect(isOwnPage({ id: fake.runtime.id, url: fake.runtime.getURL('src/devtools/panel.html') })).toBe(true);
    expect(isOwnPage({ id: fake.runtime.id, url: 'https://shop.test/' })).toBe(false);
    expect(isOwnPage({ id: fake.runtime.id })).toBe(false);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/page.html' })).toBe(false);
  });

  it('routes a message from an extension page to its handler and never one from elsewhere', async () => {
    const h = handlers();
    listen(h);
    expect(await send('ping', {})).toEqual({ ok: true, startedAt: 1, received: 0 });
    expect(h.ping).toHaveBeenCalledTimes(1);
    const fromPage = await fake.runtime.dispatch(
      { sessionscope: 1, type: 'clearChangeLog', data: {} },
      {
        id: fake.runtime.id,
        url: 'https://shop.test/',
        tab: { index: 0, highlighted: false, active: true, pinned: false, incognito: false },
      },
    );
    expect(fromPage).toBeUndefined();
    expect(h.clearChangeLog).not.toHaveBeenCalled();
  });
});
