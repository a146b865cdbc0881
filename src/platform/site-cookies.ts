import type { TabCookiesResult } from '../protocol/messages';
import { cookiesForUrl } from '../core/cookie/match';
import { hostOf, isHttpUrl, registrableDomain } from '../core/cookie/site';
import { getAllUnderDomain } from './cookies';
import { hasHostPermission } from './permissions';
import { getTab } from './tabs';
import { errorText } from '../core/error-text';

/**
 * The cookies a tab's page would send, in every state the UI must explain. Shared by the background's
 * `getTabCookies` handler and the pages that read cookies directly (the popup, for speed).
 */
export async function loadTabCookies(tabId: number): Promise<TabCookiesResult> {
  const tab = await getTab(tabId);
  if (!tab) return { ok: false, reason: 'no-tab', message: `No tab with id ${tabId}.` };
  const url = tab.url;
  if (url === undefined || !isHttpUrl(url)) {
    return {
      ok: false,
      reason: 'not-http',
      ...(url !== undefined ? { url } : {}),
      message: 'This page is not a web page (http or https), so it has no cookies to inspect.',
    };
  }
  return loadUrlCookies(tabId, url);
}

async function loadUrlCookies(tabId: number, url: string): Promise<TabCookiesResult> {
  const host = hostOf(url);
  if (host === undefined) return { ok: false, reason: 'not-http', url, message: 'The page address is not valid.' };
  if (!(await hasHostPermission(url))) {
    return {
      ok: false,
      reason: 'no-permission',
      url,
      message: `SessionScope has not been allowed to read cookies of ${host}.`,
    };
  }
  try {
    const all = await getAllUnderDomain(registrableDomain(host));
    return { ok: true, tabId, url, cookies: cookiesForUrl(all, url) };
  } catch (e) {
    return { ok: false, reason: 'error', url, message: `The browser refused to list cookies: ${errorText(e)}` };
  }
}
