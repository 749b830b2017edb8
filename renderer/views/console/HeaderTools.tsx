import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction } from '../../store/context.js';

/** The console's way into the settings screen and the shortcut list, in the top bar. */
export function HeaderTools() {
  const t = useMessages();
  const openDialog = useBoardAction('openDialog');
  return (
    <span className="header-tools">
      <button type="button" className="topbar-button" aria-keyshortcuts="?" onClick={() => openDialog('help')}>
        {t.plans.shortcutsButton} <kbd aria-hidden="true">?</kbd>
      </button>
      <button type="button" className="topbar-button" onClick={() => openDialog('settings')}>
        {t.plans.settings}
      </button>
    </span>
  );
}
