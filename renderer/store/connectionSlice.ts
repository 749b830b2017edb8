import type { StateCreator } from 'zustand';
import type { BoardStoreState, ConnectionSlice } from './types.js';

export const createConnectionSlice =
  (now: () => number): StateCreator<BoardStoreState, [], [], ConnectionSlice> =>
  (set, get) => ({
    connection: { status: 'connecting', since: now() },

    setConnection: (up) => {
      const status = up ? 'online' : 'offline';
      // Every failed retry reports "down" again; keep the moment the connection was first lost.
      if (get().connection.status !== status) set({ connection: { status, since: now() } });
    },
  });
