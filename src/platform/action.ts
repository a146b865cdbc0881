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
