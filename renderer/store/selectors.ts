import type { Language } from '../../electron/core/organisation/settings.js';
import type { BoardStoreState } from './types.js';

export const selectLanguage = (s: BoardStoreState): Language => s.ui.languageChoice ?? s.host.settings.language;

/** The site's operator name wins; otherwise the name typed on this display. */
export const selectActor = (s: BoardStoreState): string => s.host.settings.operatorName.trim() || s.ui.operator.trim();

export const selectOnline = (s: BoardStoreState): boolean => s.connection.status === 'online';
