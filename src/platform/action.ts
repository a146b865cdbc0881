import { browser } from './browser';

export interface TabBadge {
  text: string;
  color?: string;
}

/**
 * Sets the toolbar badge of one tab. Per-tab values, because the badge describes the site in that tab; the
 * browser clears them when the tab navigates, and the background sets them again once the page has loaded.
 * The text colour is set where the API exists (Chromium ≥ 110, Firefox ≥ 63) so it stays legible on red.
 */
export async function setTabBadge(tabId: number, badge: TabBadge): Promise<void> {
  const action = browser.action;
  await action.setBadgeText({ tabId, text: badge.text });
  if (badge.text === '' || badge.color === undefined) return;
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  if (typeof action.setBadgeTextColor === 'function') await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
}

/** The popup page the manifest names for the toolbar button, relative to the extension's root. */
export function manifestPopup(): string | undefined {
  return browser.runtime.getManifest().action?.default_popup;
}

/** Sets one tab's popup: a page of the extension, relative to its root, with its query. */
export async function setTabPopup(tabId: number, popup: string): Promise<void> {
  await browser.action.setPopup({ tabId, popup });
}
