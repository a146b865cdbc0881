import type { BrowserFamily } from '../core/edit/set-details';
import { browser } from './browser';

/**
 * Which engine runs the extension: the cookies API differs in details (partition keys, first-party domains, what
 * `cookies.set` accepts, where a tab's cookie store is named). Told by the scheme of the extension's pages and
 * worker (their `location`), which needs no extension API: asked in the popup's first paint, `runtime` would make
 * Chromium set up that API's bindings first.
 */
export function browserFamily(): BrowserFamily {
  const url = (globalThis as { location?: { href?: string } }).location?.href ?? browser.runtime.getURL('');
  return url.startsWith('moz-extension:') ? 'firefox' : 'chromium';
}
