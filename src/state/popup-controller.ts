import type { PageScriptAnswer } from '../core/detect/read-storage-script';
import type { TabCookiesResult } from '../protocol/messages';
import type { PopupStore } from './create-store';
import { createSiteLoader, type Analyze, type LoadOptions, type SiteLoaderDeps } from './load-site';
import { requestPermission } from './request-permission';

export interface PopupDeps {
  /** From `?tabId=N`; otherwise the active tab is inspected. */
  tabId: number | undefined;
  activeTab: () => Promise<{ id: number } | undefined>;
  loadTabCookies: (tabId: number) => Promise<TabCookiesResult>;
  requestHostPermission: (url: string | undefined) => Promise<boolean>;
  analyze: Analyze;
  /** The rows before the analysis (core's cookieRows); without it the rows wait for `analyze`. */
  rows?: SiteLoaderDeps['rows'];
  now?: () => number;
  /** The tab's web storage (`scripting.executeScript`); without it the popup shows cookies only. */
  readTabStorage?: (tabId: number) => Promise<PageScriptAnswer>;
}

export interface PopupController {
  /**
   * `quiet`: keep the current view until the new data is ready (after an import, the dialog stays open). `first`:
   * the first paint's read of the tab, taken over instead of reading again.
   */
  load(opts?: LoadOptions): Promise<void>;
  /** Must run inside the click handler: browsers grant permissions only during a user gesture. */
  requestPermission(): Promise<void>;
}

export function createPopupController(store: PopupStore, deps: PopupDeps): PopupController {
  let tabId = deps.tabId;

  /** Reads the tab's web storage beside its cookies; the loader analyses again once the tokens arrive. */
  async function readStorage(id: number): Promise<void> {
    if (!deps.readTabStorage) return;
    const answer = await deps.readTabStorage(id);
    if (id !== tabId) return;
    store.page.showStorageAnswer(answer);
  }

  const loader = createSiteLoader(store, {
    analyze: deps.analyze,
    ...(deps.rows ? { rows: deps.rows } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    pageInputs: store.page.inputs,
    fetch: async () => {
      if (tabId === undefined) {
        const tab = await deps.activeTab();
        if (!tab) return { ok: false, reason: 'no-tab' };
        tabId = tab.id;
      }
      const result = await deps.loadTabCookies(tabId);
      // Only a page whose cookies may be read: the same access lets the script run there.
      if (result.ok) void readStorage(tabId);
      return result;
    },
  });

  return {
    load: (opts) => {
      const first = opts?.quiet ? undefined : opts?.first;
      if (first) {
        // What fetch does for a read of its own: remember the tab, and read its web storage beside the cookies.
        if (first.tabId !== undefined) tabId = first.tabId;
        if (first.result.ok && tabId !== undefined) void readStorage(tabId);
      }
      return loader.load(opts);
    },
    requestPermission: () => requestPermission(store.site, deps.requestHostPermission, () => loader.load()),
  };
}
