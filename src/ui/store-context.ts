import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Store } from '../state/create-store';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useStore: no StoreContext.Provider above this component');
  return store;
}
