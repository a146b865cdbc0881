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
