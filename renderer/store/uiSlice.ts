import type { StateCreator } from 'zustand';
import type { Language } from '../../electron/core/organisation/settings.js';
import type { BoardStoreState, UiSlice } from './types.js';

export interface UiPreferences {
  readonly language?: Language | null;
  readonly operator?: string;
}

export const createUiSlice =
  (preferences: UiPreferences): StateCreator<BoardStoreState, [], [], UiSlice> =>
  (set) => ({
    ui: {
      languageChoice: preferences.language ?? null,
      operator: preferences.operator ?? '',
      selectedIncidentId: null,
      lastError: null,
    },

    setLanguage: (language) => set((s) => ({ ui: { ...s.ui, languageChoice: language } })),

    setOperator: (name) => set((s) => ({ ui: { ...s.ui, operator: name } })),

    toggleSelected: (incidentId) =>
      set((s) => ({
        ui: { ...s.ui, selectedIncidentId: s.ui.selectedIncidentId === incidentId ? null : incidentId },
      })),
  });
