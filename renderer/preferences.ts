import { LANGUAGES, type Language } from '../electron/core/organisation/settings.js';
import type { BoardStore } from './store/boardStore.js';
import type { UiPreferences } from './store/uiSlice.js';

const LANGUAGE_KEY = 'kiosk.language';
const OPERATOR_KEY = 'kiosk.operator';

const asLanguage = (value: string | null): Language | null =>
  (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null;

/** This display's own choices: ?lang= in the URL first (wall displays are set up by URL), then its storage. */
export function readPreferences(location: Pick<Location, 'search'>, storage: Storage): UiPreferences {
  return {
    language: asLanguage(new URLSearchParams(location.search).get('lang')) ?? asLanguage(storage.getItem(LANGUAGE_KEY)),
    operator: storage.getItem(OPERATOR_KEY) ?? '',
  };
}

export function persistPreferences(store: BoardStore, storage: Storage): void {
  store.subscribe((now, before) => {
    if (now.ui.languageChoice !== before.ui.languageChoice && now.ui.languageChoice !== null) {
      storage.setItem(LANGUAGE_KEY, now.ui.languageChoice);
    }
    if (now.ui.operator !== before.ui.operator) storage.setItem(OPERATOR_KEY, now.ui.operator);
  });
}
