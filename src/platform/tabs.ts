import { browser, type Tabs } from './browser';

export interface TabInfo {
  id: number;
  url: string | undefined;
  /** In a private (incognito) window. */
  incognito: boolean;
  /** Firefox names each tab's cookie store (a container's, a private window's); Chromium does not. */
  cookieStoreId?: string;
}

export function tabInfo(tab: Tabs.Tab): TabInfo | undefined {
  if (tab.id === undefined) return undefined;
  const t: TabInfo = { id: tab.id, url: tab.url, incognito: tab.incognito };
  if (typeof tab.cookieStoreId === 'string') t.cookieStoreId = tab.cookieStoreId;
  return t;
}

export async function getTab(tabId: number): Promise<TabInfo | undefined> {
  try {
    return tabInfo(await browser.tabs.get(tabId));
  } catch {
    return undefined;
  }
}

export async function getActiveTab(): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ? tabInfo(tab) : undefined;
}

/** Calls `listener` with the new URL whenever tab `tabId` navigates; returns the unsubscribe function. */
export function watchTabUrl(tabId: number, listener: (url: string) => void): () => void {
  // Chromium has no filter argument on tabs.onUpdated (Firefox does), so we filter here for both.
  const raw = (id: number, change: Tabs.OnUpdatedChangeInfoType): void => {
    if (id === tabId && change.url !== undefined) listener(change.url);
  };
  browser.tabs.onUpdated.addListener(raw);
  return () => browser.tabs.onUpdated.removeListener(raw);
}
