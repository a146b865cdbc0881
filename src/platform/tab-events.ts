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

/** The active tab of every window (the badge is kept for each). */
export async function getActiveTabs(): Promise<TabInfo[]> {
  return (await browser.tabs.query({ active: true })).flatMap((tab) => tabInfo(tab) ?? []);
}
