import { createStore } from 'zustand';
import type { Transport } from '../api/transport.js';
import { createCommandSlice } from './commandSlice.js';
import { createConnectionSlice } from './connectionSlice.js';
import { createHostSlice } from './hostSlice.js';
import { createMirrorSlice } from './mirrorSlice.js';
import type { BoardStoreState } from './types.js';
import { createUiSlice, type UiPreferences } from './uiSlice.js';
import { createWorkSlice } from './workSlice.js';

export interface BoardStoreOptions extends UiPreferences {
  /** the display's clock; tests pass their own */
  readonly now?: () => number;
}

/** The renderer's one store. It connects the transport at once and is its only user. */
export function createBoardStore(transport: Transport, options: BoardStoreOptions = {}) {
  const now = options.now ?? Date.now;
  const store = createStore<BoardStoreState>()((...a) => ({
    ...createMirrorSlice(transport)(...a),
    ...createConnectionSlice(now)(...a),
    ...createHostSlice(now)(...a),
    ...createUiSlice(options)(...a),
    ...createCommandSlice(transport)(...a),
    ...createWorkSlice(...a),
  }));
  const s = store.getState();
  transport.connect(
    {
      onStatus: s.receiveStatus,
      onSnapshot: s.receiveSnapshot,
      onEvents: s.receiveEvents,
      onConnection: s.setConnection,
    },
    () => store.getState().board.seq,
  );
  return store;
}

export type BoardStore = ReturnType<typeof createBoardStore>;
