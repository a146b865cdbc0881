import { browser, type Tabs } from './browser';

export interface TabInfo {
  id: number;
  url: string | undefined;
}

function info(tab: Tabs.Tab): TabInfo | undefined {
  return tab.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

export async function getTab(tabId: number): Promise<TabInfo | undefined> {
  try {
    return info(await browser.tabs.get(tabId));
  } catch {
    return undefined;
  }
}

export async function getActiveTab(): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab ? info(tab) : undefined;
}
