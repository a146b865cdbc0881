import { render } from 'preact';
import { createStore, type Store } from '../state/create-store';
import { StoreContext } from '../ui/store-context';
import { PopupApp } from './PopupApp';
import { createPopupController, type PopupDeps } from '../state/popup-controller';
import '../ui/theme.css';
import '../ui/components.css';
import './popup.css';

export interface StartPopupOptions {
  root: Element;
  /** How often relative times ("in 3 min") are refreshed while the popup is open. */
  tickMs?: number;
}

/**
 * Mounts the popup with its browser access injected: the extension entry passes the platform wrappers, the
 * benchmark's synthetic page passes cookies it was given, so both time the very same code.
 */
export function startPopup(deps: PopupDeps, { root, tickMs = 30_000 }: StartPopupOptions): Store {
  const store = createStore();
  const controller = createPopupController(store, deps);
  // The loading state paints first; reading and analysing the cookies starts right after.
  render(
    <StoreContext.Provider value={store}>
      <PopupApp onRequestPermission={() => void controller.requestPermission()} />
    </StoreContext.Provider>,
    root,
  );
  void controller.load();
  setInterval(() => {
    store.now.value = Date.now();
  }, tickMs);
  return store;
}
