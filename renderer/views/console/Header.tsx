import { useMessages } from '../../i18n/useMessages.js';
import { useBoard } from '../../store/context.js';
import { ConnectionIndicator } from '../common/ConnectionIndicator.js';
import { HeaderTools } from './HeaderTools.js';
import { HostClock } from '../common/HostClock.js';
import { LanguageToggle } from '../common/LanguageToggle.js';
import { OperatorField } from '../common/OperatorField.js';

export function Header() {
  const t = useMessages();
  const siteName = useBoard((s) => s.host.settings.siteName);
  return (
    <header className="topbar">
      <h1 className="topbar__site">{siteName.trim() || t.appTitle}</h1>
      <HostClock />
      <ConnectionIndicator />
      <OperatorField />
      <HeaderTools />
      <LanguageToggle />
    </header>
  );
}
