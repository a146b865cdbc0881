import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ViewStore } from '../state/create-store';
import type { EditSlice } from '../state/edit-slice';
import type { FilterSlice } from '../state/filter-slice';
import type { ThirdPartySlice } from '../state/third-party-slice';
import type { TimelineSlice } from '../state/timeline-slice';
import type { WouldSendSlice } from '../state/would-send-slice';

export const StoreContext = createContext<ViewStore | null>(null);

export function useStore(): ViewStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore: no StoreContext.Provider above this component');
  return store;
}

/** The hook of a slice only the panel has; a component that asks for it in another view is a bug, said at once. */
function panelSliceHook<K extends 'filter' | 'timeline' | 'thirdParty' | 'wouldSend'>(
  key: K,
  hook: string,
): () => NonNullable<ViewStore[K]> {
  return () => {
    const slice = useStore()[key];
    if (!slice) throw new Error(`${hook}: this view has no ${key} slice`);
    return slice;
  };
}

/** The table's filter and sort: only the panel has them. */
export const useFilter: () => FilterSlice = panelSliceHook('filter', 'useFilter');
/** The change timeline: only the panel has it. */
export const useTimeline: () => TimelineSlice = panelSliceHook('timeline', 'useTimeline');
/** The cookies of the other sites the page talked to: only the panel has them. */
export const useThirdParty: () => ThirdPartySlice = panelSliceHook('thirdParty', 'useThirdParty');
/** The would-send tool: only the panel has it. */
export const useWouldSend: () => WouldSendSlice = panelSliceHook('wouldSend', 'useWouldSend');

/** Changing cookies: present where the page was started with the background's write path (not in the bench). */
export const EditContext = createContext<EditSlice | null>(null);

export function useEdit(): EditSlice | null {
  return useContext(EditContext);
}
