import { browser } from './browser';

export function inspectedTabId(): number {
  return browser.devtools.inspectedWindow.tabId;
}

/** `'dark'` or `'default'`: DevTools' own theme, which the panel follows. */
export function devtoolsTheme(): string | undefined {
  return browser.devtools.panels.themeName;
}

export async function createPanel(title: string, icon: string, page: string): Promise<void> {
  await browser.devtools.panels.create(title, icon, page);
}

/** The inspected page navigated (DevTools' own signal: works where `tabs` events are not available). */
export function watchInspectedNavigation(listener: (url: string) => void): () => void {
  browser.devtools.network.onNavigated.addListener(listener);
  return () => browser.devtools.network.onNavigated.removeListener(listener);
}
