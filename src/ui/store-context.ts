import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ViewStore } from '../state/create-store';
import type { EditSlice } from '../state/edit-slice';
import type { FilterSlice } from '../state/filter-slice';
import type { TimelineSlice } from '../state/timeline-slice';

export const StoreContext = createContext<ViewStore | null>(null);

export function useStore(): ViewStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore: no StoreContext.Provider above this component');
  return store;
}

/** The table's filter and sort: only the panel has them. */
export function useFilter(): FilterSlice {
  const filter = useStore().filter;
  if (!filter) throw new Error('useFilter: this view has no filter slice');
  return filter;
}

/** The change timeline: only the panel has it. */
export function useTimeline(): TimelineSlice {
  const timeline = useStore().timeline;
  if (!timeline) throw new Error('useTimeline: this view has no timeline slice');
  return timeline;
}

/** Changing cookies: present where the page was started with the background's write path (not in the bench). */
export const EditContext = createContext<EditSlice | null>(null);

export function useEdit(): EditSlice | null {
  return useContext(EditContext);
}
