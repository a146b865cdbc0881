import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { type ViewStore } from '../../src/state/create-store';
import { createPanelStore } from '../../src/state/create-panel-store';
import { StoreContext } from '../../src/ui/store-context';
import { NOW } from './fixtures';

/** Renders `ui` under a fresh store (or the given one), as the entries do. */
export function renderWithStore(ui: ComponentChildren, store: ViewStore = createPanelStore({ now: NOW })) {
  const result = render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
  return { ...result, store };
}
