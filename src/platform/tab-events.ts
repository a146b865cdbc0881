import { browser } from './browser';
import { tabInfo, type TabInfo } from './tabs';

/** What about a tab's update matters to the background: a new address, or the page finished loading. */
export interface TabUpdate {
  url?: string;
  complete: boolean;
}

/** Must be called synchronously at the top level of the background script, like every listener. */
export function onTabUpdated(listener: (tabId: number, update: TabUpdate) => void): void {
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    const update: TabUpdate = { complete: changeInfo.status === 'complete' };
    if (changeInfo.url !== undefined) update.url = changeInfo.url;
    listener(tabId, update);
  });
}

export function onTabActivated(listener: (tabId: number, windowId: number) => void): void {
  browser.tabs.onActivated.addListener((info) => listener(info.tabId, info.windowId));
}

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** `undefined` when focus left the browser (WINDOW_ID_NONE), so listeners need not know the constant. */
export function onWindowFocusChanged(listener: (windowId: number | undefined) => void): void {
  // `browser.windows` is absent where the platform has no windows (Firefox for Android).
  browser.windows?.onFocusChanged.addListener((windowId) =>
    listener(windowId === browser.windows.WINDOW_ID_NONE ? undefined : windowId),
  );
}

export async function getActiveTabInWindow(windowId: number): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, windowId });
  return tab === undefined ? undefined : tabInfo(tab);
}
