import { isHttpUrl } from '../core/cookie/host';

/** `?tabId=N` on the popup or panel URL: inspect that tab instead of the active or inspected one. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The longest page address the background puts in a tab's popup address (`&url=`): a longer one is left out and the
 * popup reads the tab first, as it does without one. Addresses of pages worth a guess are far shorter.
 */
export const MAX_URL_IN_POPUP = 2048;

/** A page address the popup's address may carry: http(s), at most MAX_URL_IN_POPUP characters. */
function carried(url: string): boolean {
  return isHttpUrl(url) && url.length <= MAX_URL_IN_POPUP;
}

/**
 * `?tabId=N&url=U`, the address the background gives a tab's popup (src/background/popup-address.ts): the tab, and
 * the web page it last saw there, so the popup can ask for that page's cookies while it asks for the tab. `url` is
 * left out unless it is an http(s) address of at most MAX_URL_IN_POPUP characters.
 */
export function popupSearch(tabId: number, url: string | undefined): string {
  const params = new URLSearchParams({ tabId: String(tabId) });
  if (url !== undefined && carried(url)) params.set('url', url);
  return `?${params.toString()}`;
}

/**
 * The page address `popupSearch` put beside `?tabId=N`, or undefined (none, not http(s), too long, or no tab). It is
 * a guess only: the popup uses what it read for it only once the tab itself has been read and is on that address.
 */
export function siteUrlFromSearch(search: string): string | undefined {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (url === null || tabIdFromSearch(search) === undefined) return undefined;
  return carried(url) ? url : undefined;
}
