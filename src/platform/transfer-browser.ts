import { browserFamily } from './browser-family';
import { getAllCookies } from './cookies';
import { editMessages } from './edit-messages';
import { extensionVersion } from './extension-version';
import { localStore } from './storage';

/**
 * What the popup and the panel give their export, import and snapshots from the browser (the state layer's
 * `viewTransferDeps` adds the page's side); the inspected page's storage, where there is one, is the panel's.
 */
export function transferBrowser() {
  return {
    browser: browserFamily(),
    // The public-suffix list comes with it: loaded on first use, not before the popup's first paint.
    siteCookies: async (host: string, storeId: string | undefined) =>
      (await import('./whole-site-cookies')).getSiteCookies(host, storeId),
    /** Several sites' cookies in one read (the panel's third parties). */
    sitesCookies: async (hosts: readonly string[], storeId: string | undefined) =>
      (await import('./whole-site-cookies')).getSitesCookies(hosts, storeId),
    allCookies: getAllCookies,
    version: extensionVersion,
    local: localStore,
    writeCookies: editMessages.writeCookies,
  };
}
