/**
 * An in-memory browser for unit tests, shaped like webextension-polyfill's `browser` for the parts
 * SessionScope uses. Use it in place of the polyfill:
 *
 * ```ts
 * const fake = await vi.hoisted(async () => (await import('./index.ts')).createFakeBrowser());
 * vi.mock('webextension-polyfill', () => ({ default: fake }));
 * beforeEach(() => fake.reset());
 * ```
 *
 * API (everything async that is async in the browser):
 * - `cookies`: `set(details)`, `remove({url, name, storeId?, partitionKey?})`, `get`, `getAll(filter)`,
 *   `getAllCookieStores`, `onChanged`. Identity is name + domain + path + storeId + partitionKey. Events follow
 *   Chromium: a new cookie fires `explicit`; replacing one fires `overwrite` (removed) then `explicit`; a set
 *   with a past expiry removes the existing one as `expired_overwrite` and stores nothing; `remove` fires
 *   `explicit`. Test controls: `expireDue()` (cause `expired`, by `cookies.now()`), `evict({name, domain})`
 *   (cause `evicted`), `all()`, `defaultStoreId`, `rejectPartitionKey` (getAll throws on `partitionKey`),
 *   `storeTabs` (store id → tab ids, what `getAllCookieStores` lists besides the default store).
 * - `storage.session`, `storage.local`: `get(keys|null)`, `getKeys`, `set`, `remove`, `clear`, `onChanged`. Calls
 *   apply in order, a microtask later; values are copied at call time. Test controls: `snapshot()`, `calls`
 *   (every write with its keys and outcome), `swallowWrites(n?)` and `swallowWritesWhen(match)` (those writes
 *   never land and never settle: the worker died), `stallReads()` (reads never answer), `failWrites(error?, n?)`
 *   (rejected), `listNewestFirst` (key listings in reverse order), `restore()`.
 * - `tabs`: `get`, `query({active, windowId, lastFocusedWindow, currentWindow})`, `onUpdated`, `onActivated`,
 *   `onRemoved`. Test controls: `add({url, windowId?, active?, id?, incognito?, cookieStoreId?})` (no events), `navigate(tabId, url)`
 *   (fires loading+url, then complete), `activate(tabId)`, `close(tabId)`, `focusedWindowId`.
 * - `windows`: `WINDOW_ID_NONE`, `onFocusChanged`; test control `focus(windowId)`.
 * - `runtime`: `id`, `getManifest` (the source manifest.json), `getURL`, `onMessage`, `sendMessage(msg)` (sent from `senderPath`, an extension page; resolves
 *   to the first listener's answer). Test control `dispatch(msg, sender)` for foreign senders.
 * - `permissions`: `contains({origins})` (a wildcard-host pattern covers every origin of its scheme), `request`;
 *   `cookies.getAll` lists only cookies of hosts they cover, as the browser does.
 *   Test controls: `granted` (the manifest's host access at first), `revokeAll()`, `requestAnswer`, `requested`.
 * - `action`: `setBadgeText`, `getBadgeText`, `setBadgeBackgroundColor`, `setBadgeTextColor`, `setPopup`, `getPopup`.
 *   Test controls: `badge(tabId?)` → `{text, color?, textColor?}`, `popups` (per tab, `global`).
 * - `reset()`: empties every store and removes every listener (re-import modules that register at load).
 */
import { FakeAction } from './fake-action';
import { FakeCookies } from './fake-cookies';
import { FakePermissions } from './fake-permissions';
import { FakeRuntime } from './fake-runtime';
import { FakeStorageArea } from './fake-storage';
import { FakeTabs, FakeWindows } from './fake-tabs';

export { FakeEvent } from './fake-event';
export { FakeAction } from './fake-action';
export { FakeCookies } from './fake-cookies';
export { FakePermissions } from './fake-permissions';
export { FakeRuntime } from './fake-runtime';
export { FakeStorageArea } from './fake-storage';
export { FakeTabs, FakeWindows } from './fake-tabs';

export interface FakeBrowser {
  cookies: FakeCookies;
  storage: { session: FakeStorageArea; local: FakeStorageArea };
  tabs: FakeTabs;
  windows: FakeWindows;
  runtime: FakeRuntime;
  permissions: FakePermissions;
  action: FakeAction;
  reset(): void;
}

export function createFakeBrowser(): FakeBrowser {
  const tabs = new FakeTabs();
  const fake: FakeBrowser = {
    cookies: new FakeCookies(),
    storage: { session: new FakeStorageArea(), local: new FakeStorageArea() },
    tabs,
    windows: new FakeWindows(tabs),
    runtime: new FakeRuntime(),
    permissions: new FakePermissions(),
    action: new FakeAction(),
    reset() {
      const { cookies, storage, windows, runtime, permissions, action } = fake;
      for (const part of [cookies, storage.session, storage.local, tabs, windows, runtime, permissions, action]) {
        part.reset();
      }
    },
  };
  // The browser lists a site's cookies only to an extension with access to the site.
  fake.cookies.mayRead = (host) => fake.permissions.allowsHost(host);
  return fake;
}

/**
 * Sets `name` on `url` to each of `values` in turn, the last with a past expiry: a set, overwrites, then a deletion
 * by an expired overwrite (Chromium's causes `explicit`, `overwrite`, `expired_overwrite`).
 */
export async function setOverwriteExpire(fake: FakeBrowser, url: string, name: string, values: readonly string[]) {
  for (const [i, value] of values.entries()) {
    await fake.cookies.set({ url, name, value, ...(i === values.length - 1 ? { expirationDate: 1 } : {}) });
  }
}
