import type { StateCreator } from 'zustand';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { initialState } from '../../electron/core/state.js';
import type { Transport } from '../api/transport.js';
import type { BoardStoreState, MirrorSlice } from './types.js';

const followsOn = (seq: number, events: readonly DomainEvent[]): boolean => events.every((event, index) => event.seq === seq + 1 + index);

export const createMirrorSlice =
  (transport: Transport): StateCreator<BoardStoreState, [], [], MirrorSlice> =>
  (set, get) => ({
    board: initialState,

    // The host is the truth: its snapshot wins even over a mirror that is further on.
    receiveSnapshot: (_seq, state) => set({ board: state }),

    receiveEvents: (_seq, events) => {
      const board = get().board;
      // Events the mirror already holds may come again in a catch-up; repeating them is harmless to skip.
      const fresh = events.filter((event) => event.seq > board.seq);
      if (fresh.length === 0) return;
      if (!followsOn(board.seq, fresh)) {
        // Applying past a gap would show a board the host never had: ask again from our seq.
        transport.resubscribe();
        return;
      }
      set({ board: evolveAll(board, fresh) });
    },
  });
