import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Language } from '../../electron/core/organisation/settings.js';
import type { BoardStore } from './boardStore.js';
import { selectLanguage, selectOnline } from './selectors.js';
import type { BoardStoreState } from './types.js';

const BoardStoreContext = createContext<BoardStore | null>(null);

// Every subscription to the store is called on every change of it, and a board of hundreds of
// cards would hold tens of thousands. What almost every control reads but seldom changes (the
// language, the connection, the host's clock offset) is therefore read once here and handed down.
const LanguageContext = createContext<Language>('zh-CN');
const OnlineContext = createContext(false);
const ClockOffsetContext = createContext(0);

export function BoardStoreProvider({ store, children }: { store: BoardStore; children: ReactNode }) {
  return (
    <BoardStoreContext.Provider value={store}>
      <DisplayFacts>{children}</DisplayFacts>
    </BoardStoreContext.Provider>
  );
}

function DisplayFacts({ children }: { children: ReactNode }) {
  const language = useBoard(selectLanguage);
  const online = useBoard(selectOnline);
  const clockOffset = useBoard((s) => s.host.clockOffset);
  return (
    <LanguageContext.Provider value={language}>
      <OnlineContext.Provider value={online}>
        <ClockOffsetContext.Provider value={clockOffset}>{children}</ClockOffsetContext.Provider>
      </OnlineContext.Provider>
    </LanguageContext.Provider>
  );
}

/** The store itself, for handlers that read it when something happens rather than on every change. */
export function useBoardStoreApi(): BoardStore {
  const store = useContext(BoardStoreContext);
  if (store === null) throw new Error('useBoard needs a BoardStoreProvider above it');
  return store;
}

/** Selects one piece of the store; the component re-renders only when that piece changes. */
export function useBoard<T>(selector: (state: BoardStoreState) => T): T {
  return useStore(useBoardStoreApi(), selector);
}

type ActionName = {
  [K in keyof BoardStoreState]: BoardStoreState[K] extends (...args: never[]) => unknown ? K : never;
}[keyof BoardStoreState];

/** One of the store's actions. They never change, so reading one subscribes to nothing. */
export function useBoardAction<K extends ActionName>(name: K): BoardStoreState[K] {
  return useBoardStoreApi().getState()[name];
}

/** The language of this display: its own choice, or the site's. */
export const useLanguage = (): Language => useContext(LanguageContext);

/** Whether the host is connected, so commands can be sent. */
export const useOnline = (): boolean => useContext(OnlineContext);

/** The host's clock minus this display's. */
export const useClockOffset = (): number => useContext(ClockOffsetContext);
