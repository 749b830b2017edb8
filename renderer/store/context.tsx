import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { BoardStore } from './boardStore.js';
import type { BoardStoreState } from './types.js';

const BoardStoreContext = createContext<BoardStore | null>(null);

export function BoardStoreProvider({ store, children }: { store: BoardStore; children: ReactNode }) {
  return <BoardStoreContext.Provider value={store}>{children}</BoardStoreContext.Provider>;
}

/** Selects one piece of the store; the component re-renders only when that piece changes. */
export function useBoard<T>(selector: (state: BoardStoreState) => T): T {
  const store = useContext(BoardStoreContext);
  if (store === null) throw new Error('useBoard needs a BoardStoreProvider above it');
  return useStore(store, selector);
}
