import type { StateCreator } from 'zustand';
import { DEFAULT_SETTINGS, publicSettings } from '../../electron/core/organisation/settings.js';
import type { BoardStoreState, HostSlice } from './types.js';

export const createHostSlice =
  (now: () => number): StateCreator<BoardStoreState, [], [], HostSlice> =>
  (set) => ({
    host: { warnings: [], settings: publicSettings(DEFAULT_SETTINGS), clockOffset: 0 },

    receiveStatus: (status) => set({ host: { warnings: status.warnings, settings: status.settings, clockOffset: status.now - now() } }),
  });
