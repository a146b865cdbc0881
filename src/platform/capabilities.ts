import { browser } from './browser';

/**
 * Which APIs this page may use, detected once here. Firefox gives DevTools panels only the DevTools and
 * runtime-messaging APIs (like content scripts), so a panel there must go through the background for
 * cookies; Chromium panels, the popup and a panel opened as a tab can read cookies directly.
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Extending_the_developer_tools
 */
function has(fn: () => unknown): boolean {
  try {
    return typeof fn() === 'function';
  } catch {
    return false;
  }
}

export function canReadCookiesDirectly(): boolean {
  return (
    has(() => browser.cookies.getAll) &&
    has(() => browser.cookies.onChanged.addListener) &&
    has(() => browser.tabs.get) &&
    has(() => browser.permissions.contains)
  );
}

export function canWatchTabs(): boolean {
  return has(() => browser.tabs.onUpdated.addListener);
}

/** True in a real DevTools panel; false when the panel page is opened as a plain tab (`?tabId=N`). */
export function isDevtoolsContext(): boolean {
  return has(() => browser.devtools.network.onNavigated.addListener);
}

/** `storage.session` events, which tell a page the background wrote to the change log (watchChangeLog). */
export function canWatchSessionStorage(): boolean {
  return has(() => browser.storage.session.onChanged.addListener);
}
