import { cookieRows } from '../core/cookie-views';
import { extensionVersion } from '../platform/extension-version';
import { requestHostPermission } from '../platform/permissions';
import { readTabStorage } from '../platform/scripting';
import { editMessages } from '../platform/edit-messages';
import { storedEditState } from '../platform/edit-state';
import { transferBrowser } from '../platform/transfer-browser';
import { viewTransferDeps } from '../state/view-transfer-deps';
import { lazyAnalyze } from './analysis-chunk';
import { decodedFirstLoad } from './decoded-first-load';
import type { PaintedLoad } from './first-paint';
import { earlyRead } from './read-early';
import { startPopup } from './start-popup';

/**
 * The popup proper, loaded by boot.ts once the first paint has painted its rows (`first`). The audit and the Public
 * Suffix List it needs (most of the code) come in a chunk of their own loaded after that, and its findings fill the
 * rows already shown, which keep their places (test/state/load-site.test.ts). Rows painted from the background's hint
 * are decoded first (the first paint's DOM stays on screen meanwhile), so the popup proper starts from decoded rows.
 */
export async function startPopupApp(root: Element, painted: PaintedLoad | undefined): Promise<void> {
  const first = await decodedFirstLoad(painted, cookieRows);
  startPopup(
    {
      tabId: earlyRead.tabId,
      activeTab: earlyRead.activeTab,
      loadTabCookies: earlyRead.loadTabCookies,
      requestHostPermission,
      readTabStorage,
      rows: cookieRows,
      analyze: lazyAnalyze(),
      version: extensionVersion,
      transfer: viewTransferDeps(transferBrowser()),
      // The undo state and the guard settings are read from storage: opening the popup starts no stopped worker.
      edit: { ...editMessages, ...storedEditState() },
    },
    { root, ...(first ? { first } : {}) },
  );
}
