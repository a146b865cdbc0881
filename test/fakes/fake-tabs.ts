import type { Tabs } from 'webextension-polyfill';
import { FakeEvent } from './fake-event';

export interface TabChangeInfo {
  status?: 'loading' | 'complete';
  url?: string;
}

/** Tabs in windows, with one active tab per window and a focused window. */
export class FakeTabs {
  readonly onUpdated = new FakeEvent<(tabId: number, changeInfo: TabChangeInfo, tab: Tabs.Tab) => void>();
  readonly onActivated = new FakeEvent<(info: { tabId: number; windowId: number; previousTabId?: number }) => void>();
  readonly onRemoved = new FakeEvent<(tabId: number, info: { windowId: number; isWindowClosing: boolean }) => void>();
  /** The window that has focus (what `lastFocusedWindow` / `currentWindow` mean here). */
  focusedWindowId = 1;
  private tabs = new Map<number, Tabs.Tab>();
  private nextId = 1;

  reset(): void {
    this.tabs.clear();
    this.nextId = 1;
    this.focusedWindowId = 1;
    this.onUpdated.clear();
    this.onActivated.clear();
    this.onRemoved.clear();
  }

  /** Adds a tab without firing events (test set-up); `active` makes it the active tab of its window. */
  add(
    init: {
      url?: string;
      windowId?: number;
      active?: boolean;
      id?: number;
      incognito?: boolean;
      cookieStoreId?: string;
    } = {},
  ): Tabs.Tab {
    const id = init.id ?? this.nextId++;
    this.nextId = Math.max(this.nextId, id + 1);
    const windowId = init.windowId ?? 1;
    const active = init.active ?? true;
    if (active) for (const t of this.tabs.values()) if (t.windowId === windowId) t.active = false;
    const tab: Tabs.Tab = {
      id,
      windowId,
      active,
      index: [...this.tabs.values()].filter((t) => t.windowId === windowId).length,
      highlighted: active,
      pinned: false,
      incognito: init.incognito ?? false,
      status: 'complete',
    };
    // Firefox's tabs name their cookie store; Chromium's do not (see FakeCookies.storeTabs).
    if (init.cookieStoreId !== undefined) tab.cookieStoreId = init.cookieStoreId;
    if (init.url !== undefined) tab.url = init.url;
    this.tabs.set(id, tab);
    return { ...tab };
  }

  /** Navigates a tab: `onUpdated` with `{status: 'loading', url}`, then `{status: 'complete'}`. */
  navigate(tabId: number, url: string): void {
    const tab = this.must(tabId);
    tab.url = url;
    tab.status = 'loading';
    this.onUpdated.fire(tabId, { status: 'loading', url }, { ...tab });
    tab.status = 'complete';
    this.onUpdated.fire(tabId, { status: 'complete' }, { ...tab });
  }

  /** Makes a tab the active one of its window and fires `onActivated`. */
  activate(tabId: number): void {
    const tab = this.must(tabId);
    let previousTabId: number | undefined;
    for (const t of this.tabs.values()) {
      if (t.windowId === tab.windowId && t.active && t.id !== tabId) {
        previousTabId = t.id;
        t.active = false;
      }
    }
    tab.active = true;
    this.onActivated.fire({
      tabId,
      windowId: tab.windowId ?? 1,
      ...(previousTabId !== undefined ? { previousTabId } : {}),
    });
  }

  close(tabId: number): void {
    const tab = this.must(tabId);
    this.tabs.delete(tabId);
    this.onRemoved.fire(tabId, { windowId: tab.windowId ?? 1, isWindowClosing: false });
  }

  async get(tabId: number): Promise<Tabs.Tab> {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    return { ...tab };
  }

  async query(q: Tabs.QueryQueryInfoType = {}): Promise<Tabs.Tab[]> {
    return [...this.tabs.values()]
      .filter((t) => {
        if (q.active !== undefined && t.active !== q.active) return false;
        if (q.windowId !== undefined && t.windowId !== q.windowId) return false;
        if ((q.lastFocusedWindow === true || q.currentWindow === true) && t.windowId !== this.focusedWindowId) {
          return false;
        }
        return true;
      })
      .map((t) => ({ ...t }));
  }

  private must(tabId: number): Tabs.Tab {
    const tab = this.tabs.get(tabId);
    if (!tab) throw new Error(`fake tabs: no tab ${tabId}`);
    return tab;
  }
}

export class FakeWindows {
  readonly WINDOW_ID_NONE = -1;
  readonly onFocusChanged = new FakeEvent<(windowId: number) => void>();

  constructor(private readonly tabs: FakeTabs) {}

  reset(): void {
    this.onFocusChanged.clear();
  }

  /** Moves focus to a window (or out of the browser with WINDOW_ID_NONE) and fires `onFocusChanged`. */
  focus(windowId: number): void {
    if (windowId !== this.WINDOW_ID_NONE) this.tabs.focusedWindowId = windowId;
    this.onFocusChanged.fire(windowId);
  }
}
