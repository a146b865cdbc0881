import { browserFamily } from './browser-family';
import { getAllCookies, getSiteCookies } from './cookies';
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
    siteCookies: getSiteCookies,
    allCookies: getAllCookies,
    version: extensionVersion,
    local: localStore,
    writeCookies: editMessages.writeCookies,
  };
}
