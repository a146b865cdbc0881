/**
 * The browser's own promise-based extension API, for pages built without webextension-polyfill (the popup: see
 * scripts/popup-bundle.ts, which puts this module in the polyfill's place). Firefox and Chromium ≥ 156 have a
 * `browser` global in extension pages; older Chromium (the manifest allows 120) has `chrome`, whose MV3 methods
 * return promises when given no callback, which is all this code uses.
 *
 * Why not the polyfill there: a bundle imports it through a CommonJS-to-ESM wrapper that copies every property of
 * the `browser` object at import, which makes Chromium build the bindings of every API the extension may use
 * (action, scripting, storage…) before the popup has read a single cookie.
 */
import type { Browser } from 'webextension-polyfill';

interface Scope {
  browser?: unknown;
  chrome?: unknown;
}

export function nativeBrowser(scope: Scope = globalThis as Scope): Browser {
  const api = scope.browser ?? scope.chrome;
  if (api === undefined || api === null) throw new Error('no extension API in this page');
  return api as Browser;
}

export default nativeBrowser();
