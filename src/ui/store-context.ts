import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ViewStore } from '../state/create-store';
import type { EditSlice } from '../state/edit-slice';
import type { FilterSlice } from '../state/filter-slice';
import type { ThirdPartySlice } from '../state/third-party-slice';
import type { TimelineSlice } from '../state/timeline-slice';

export const StoreContext = createContext<ViewStore | null>(null);

export function useStore(): ViewStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore: no StoreContext.Provider above this component');
  return store;
}

/** A slice only the panel has; a component that asks for it in another view is a bug, said at once. */
function usePanelSlice<K extends 'filter' | 'timeline' | 'thirdParty'>(
  key: K,
  hook: string,
): NonNullable<ViewStore[K]> {
  const slice = useStore()[key];
  if (!slice) throw new Error(`${hook}: this view has no ${key} slice`);
  return slice;
}

/** The table's filter and sort: only the panel has them. */
export function useFilter(): FilterSlice {
  return usePanelSlice('filter', 'useFilter');
}

/** The change timeline: only the panel has it. */
export function useTimeline(): TimelineSlice {
  return usePanelSlice('timeline', 'useTimeline');
}

/** The cookies of the other sites the page talked to: only the panel has them. */
export function useThirdParty(): ThirdPartySlice {
  return usePanelSlice('thirdParty', 'useThirdParty');
}

/** Changing cookies: present where the page was started with the background's write path (not in the bench). */
export const EditContext = createContext<EditSlice | null>(null);

export function useEdit(): EditSlice | null {
  return useContext(EditContext);
}
