import { render } from 'preact';
import { createPopupStore, type PopupStore } from '../state/create-store';
import { afterTransferWrite, createEditSlice, type EditDeps } from '../state/edit-slice';
import { startNowTicker } from '../state/now-ticker';
import type { FirstLoad } from '../state/load-site';
import { createPopupController, type PopupDeps } from '../state/popup-controller';
import { keepFocus } from '../ui/keep-focus';
import { TOGGLE } from '../ui/row-tab-stop';
import { ViewContexts } from '../ui/ViewContexts';
import type { TransferDeps } from '../state/transfer-deps';
import { PopupApp } from './PopupApp';
import '../ui/theme.css';
import '../ui/components.css';
import './popup.css';

export interface StartPopupDeps extends PopupDeps {
  /** The extension's version for exported reports. */
  version?: () => string | Promise<string>;
  /** Export, import and snapshots; the popup adds `refresh` (its own reload). */
  transfer?: Omit<TransferDeps, 'refresh'>;
  /** The write path (edit, add, delete, undo, protect); without it the popup only shows. */
  edit?: EditDeps;
}

export interface StartPopupOptions {
  root: Element;
  /** How often relative times ("in 3 min") are refreshed while the popup is open. */
  tickMs?: number;
  /**
   * The first paint's read and rows (src/popup/first-paint.ts): the popup starts from them, so its first render
   * shows those very rows and takes over the plain DOM painted in `root` in place.
   */
  first?: FirstLoad;
}

/**
 * Mounts the popup with its browser access injected: the extension entry passes the platform wrappers, the
 * benchmark's synthetic page passes cookies it was given, so both time the very same code.
 */
export function startPopup(deps: StartPopupDeps, { root, tickMs, first }: StartPopupOptions): PopupStore {
  const store = createPopupStore();
  const controller = createPopupController(store, deps);
  // After a write the rows stay on screen until the new read is in, as in the panel: a loading state in between
  // would take every row out (the scroll, and the focus of the row in the deleted one's place, with them).
  const edit = deps.edit ? createEditSlice(deps.edit, () => controller.load({ quiet: true })) : null;
  // With the first paint's rows, they are in the store before the first render (the load awaits nothing before
  // it puts them there), so that render keeps them where they are. Without, the loading state renders first.
  const loading = first ? controller.load({ first }) : undefined;
  render(
    <ViewContexts store={store} edit={edit}>
      <PopupApp
        onRequestPermission={() => void controller.requestPermission()}
        {...(deps.version ? { exportDeps: { version: deps.version } } : {})}
        {...(deps.transfer
          ? {
              transferDeps: {
                ...deps.transfer,
                refresh: () => afterTransferWrite(controller.load({ quiet: true }), edit),
              },
            }
          : {})}
      />
    </ViewContexts>,
    root,
  );
  // A row deleted, or emptied by Undo, takes the focus with it: the row in its place gets it.
  keepFocus(root, { stop: TOGGLE });
  void (loading ?? controller.load());
  void edit?.refresh();
  // The popup lives until it closes; its clock with it.
  startNowTicker(store.site.now, tickMs);
  return store;
}
