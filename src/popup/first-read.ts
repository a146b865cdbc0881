import type { UrlPrefetch } from '../platform/site-cookies';
import type { TabCookiesResult } from '../protocol/messages';
import { siteUrlFromSearch, tabIdFromSearch } from '../protocol/view-address';

export interface FirstReadDeps {
  activeTab: () => Promise<{ id: number } | undefined>;
  /** `prefetch`: a read of the page's cookies already on its way, used if the tab is still on that page. */
  loadTabCookies: (tabId: number, prefetch?: UrlPrefetch) => Promise<TabCookiesResult>;
  /** Starts reading a page's cookies before the tab is read (platform's prefetchUrlCookies). */
  prefetch?: (url: string) => UrlPrefetch | undefined;
}

/** The popup's tab and cookie reads, started before the rest of its code is evaluated (see read-early.ts). */
export interface FirstRead extends FirstReadDeps {
  /** From `?tabId=N`; otherwise the active tab is inspected. */
  tabId: number | undefined;
}

/**
 * Starts reading the tab's cookies at once, and answers the popup's first `activeTab()` and first
 * `loadTabCookies(id)` (for that same tab) with what was started; every later call reads afresh (a reload after an
 * edit or an import must see the jar as it is then). The reads are round trips to the browser process: started
 * here, they overlap the evaluation of the modules that render the rows instead of following it.
 */
export function startFirstRead(deps: FirstReadDeps, search: string): FirstRead {
  const tabId = tabIdFromSearch(search);
  const tab = tabId === undefined ? deps.activeTab() : undefined;
  const id = tab ? tab.then((t) => t?.id) : Promise.resolve(tabId);
  // The toolbar's popup address names the page the background last saw in the tab (popup-address.ts): its cookies
  // are asked for now, beside the tab, instead of after it; loadTabCookies uses them only if the tab is still there.
  const guess = siteUrlFromSearch(search);
  const prefetch = guess === undefined ? undefined : deps.prefetch?.(guess);
  const load = (i: number) => (prefetch ? deps.loadTabCookies(i, prefetch) : deps.loadTabCookies(i));
  // A failure here is not lost: the popup's own call then reads again and meets it there.
  const cookies = id
    .then(async (i) => (i === undefined ? undefined : { id: i, result: await load(i) }))
    .catch(() => undefined);
  let tabTaken = false;
  let cookiesTaken = false;
  return {
    tabId,
    activeTab: () => {
      if (tab && !tabTaken) {
        tabTaken = true;
        return tab;
      }
      return deps.activeTab();
    },
    loadTabCookies: async (i) => {
      if (!cookiesTaken) {
        cookiesTaken = true;
        const early = await cookies;
        if (early?.id === i) return early.result;
      }
      return deps.loadTabCookies(i);
    },
  };
}
