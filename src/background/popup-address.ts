import { popupSearch } from '../protocol/view-address';
import type { TabUpdate } from '../platform/tab-events';

export interface PopupAddressDeps {
  /** The popup page the manifest names (relative to the extension's root); none: nothing is set. */
  popupPath: string | undefined;
  setPopup: (tabId: number, popup: string) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface PopupAddress {
  tabUpdated(tabId: number, update: TabUpdate): void;
}

/**
 * Gives each tab's toolbar popup an address of its own, `POPUP?tabId=N&url=U` (src/protocol/view-address.ts), each
 * time the tab's address changes: the popup then asks for the page's cookies at once, beside the tab instead of
 * after it (one round trip to the browser less before its rows), and checks that the tab is still on that page
 * before it uses them. An update that names no address (a load finishing, a page the background may not see)
 * changes nothing: Chromium clears a tab's own popup when the tab loads another document, and a page the tab has
 * left is only a read the popup discards.
 */
export function createPopupAddress(deps: PopupAddressDeps): PopupAddress {
  return {
    tabUpdated(tabId, update) {
      if (update.url === undefined || deps.popupPath === undefined) return;
      deps.setPopup(tabId, deps.popupPath + popupSearch(tabId, update.url)).catch((e: unknown) => deps.onError?.(e));
    },
  };
}
