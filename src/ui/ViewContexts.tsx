import type { ComponentChildren } from 'preact';
import type { ViewStore } from '../state/create-store';
import type { EditSlice } from '../state/edit-slice';
import { EditContext, StoreContext } from './store-context';

/** What every component of a view reads from context: the view's store, and the edit slice (null without one). */
export function ViewContexts(props: { store: ViewStore; edit: EditSlice | null; children: ComponentChildren }) {
  return (
    <StoreContext.Provider value={props.store}>
      <EditContext.Provider value={props.edit}>{props.children}</EditContext.Provider>
    </StoreContext.Provider>
  );
}
