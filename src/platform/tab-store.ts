import type { TabStore } from '../protocol/messages';
import { browser } from './browser';
import { getTab, type TabInfo } from './tabs';

/** Firefox's store ids for the default jar and private windows; a container's is `firefox-container-N`. */
const FIREFOX_DEFAULT = 'firefox-default';
const FIREFOX_PRIVATE = 'firefox-private';

interface ContextualIdentities {
  get(cookieStoreId: string): Promise<{ name?: unknown }>;
}

/**
 * A Firefox container's name. `contextualIdentities` exists only in Firefox, with its permission, and while
 * containers are enabled (`privacy.userContext.enabled`); without it the store is shown by its id.
 */
async function containerName(id: string): Promise<string | undefined> {
  const api = (browser as unknown as { contextualIdentities?: ContextualIdentities }).contextualIdentities;
  if (!api) return undefined;
  try {
    const identity = await api.get(id);
    return typeof identity?.name === 'string' && identity.name !== '' ? identity.name.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

type CookieStores = Awaited<ReturnType<typeof browser.cookies.getAllCookieStores>>;

/**
 * `cookies.getAllCookieStores`, started now and awaited later: it needs no tab, so a caller that is about to read
 * one starts both at once (one round trip to the browser less). Its failure is only seen by whoever awaits it.
 */
export function listCookieStores(): () => Promise<CookieStores> {
  const settled = browser.cookies.getAllCookieStores().then(
    (stores) => ({ ok: true as const, stores }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  return async () => {
    const r = await settled;
    if (!r.ok) throw r.error;
    return r.stores;
  };
}

/**
 * The cookie store tab `tabId` uses, or undefined when no store lists it (then its cookies cannot be told apart
 * from another jar's). Firefox gives it on the tab (`cookieStoreId`); Chromium lists each store's tabs in
 * `cookies.getAllCookieStores` (its incognito store appears only when the extension is allowed there).
 * `tab`: the tab when the caller has already read it; `listing`: the store listing when it has already started it.
 */
export async function storeOfTab(
  tabId: number,
  tab?: TabInfo,
  listing?: () => Promise<CookieStores>,
): Promise<TabStore | undefined> {
  const t = tab ?? (await getTab(tabId));
  if (!t) return undefined;
  let id = t.cookieStoreId;
  if (id === undefined) {
    const stores = await (listing ?? listCookieStores())();
    id = stores.find((s) => s.tabIds.includes(tabId))?.id;
    // A tab no store lists yet (it is being created): a normal window's tab is in the default store, listed first.
    if (id === undefined && !t.incognito) id = stores[0]?.id;
  }
  if (id === undefined) return undefined;
  if (t.incognito || id === FIREFOX_PRIVATE) return { id, kind: 'private' };
  if (t.cookieStoreId === undefined || id === FIREFOX_DEFAULT) return { id, kind: 'default' };
  const name = await containerName(id);
  return name === undefined ? { id, kind: 'container' } : { id, kind: 'container', name };
}
