import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { HelpDialog } from '../../keyboard/HelpDialog.js';
import { useShortcuts } from '../../keyboard/useShortcuts.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction } from '../../store/context.js';
import { AlarmBar } from '../alarm/AlarmBar.js';
import { Header } from './Header.js';
import { IncidentBoard } from '../board/IncidentBoard.js';
import { DetailPane } from '../incident/DetailPane.js';
import { RaiseForm } from './RaiseForm.js';
import { RecentList } from '../board/RecentList.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { WarningsBanner } from './WarningsBanner.js';
import { DrillBanner } from './DrillBanner.js';
import { EmergencyContacts } from './EmergencyContacts.js';
import { StatsStrip } from './StatsStrip.js';
import { useDenseBoard } from './useActiveIds.js';
import { ConfirmDialogs, UndoEscalationBar } from '../incident/ConfirmDialogs.js';
import { SetupDialog, SetupHint } from './Setup.js';

/** Controls inside a card keep their own meaning; a click anywhere else on a card selects it. */
const INTERACTIVE = 'button, a, input, select, textarea, label, summary, [role="button"]';

/**
 * The dispatcher console: the board on the left, the selected incident's detail pane in the
 * middle, the emergency numbers and the raise form on the right.
 */
export function ConsoleView() {
  const dialog = useBoard((s) => s.dialog);
  const openDialog = useBoardAction('openDialog');
  const selectIncident = useBoardAction('selectIncident');
  const dense = useDenseBoard();
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => setAnnouncement(text), []);
  // What a shortcut did shows for a few seconds, then the toast goes.
  useEffect(() => {
    if (announcement === '') return;
    const timer = setTimeout(() => setAnnouncement(''), 4000);
    return () => clearTimeout(timer);
  }, [announcement]);

  const onBoardClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    if (target.closest(INTERACTIVE) !== null) return;
    const id = target.closest('[data-incident-id]')?.getAttribute('data-incident-id');
    if (id !== null && id !== undefined) selectIncident(id);
  };

  return (
    <div className={`app app--console${dense ? ' app--dense' : ''}`}>
      <Header />
      <KeyboardShortcuts announce={announce} />
      {/* Under the header on a narrow screen; on a wide one below the columns (styles.css). */}
      <div className="console__banners">
        <DrillBanner />
        <WarningsBanner />
        <AlarmBar />
        <UndoEscalationBar />
      </div>
      <main className="console">
        {/* Clicks are delegated: the cards' own buttons work as before, the rest of a card selects it. */}
        {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
        <div className="console__board" onClick={onBoardClick}>
          <StatsStrip />
          <IncidentBoard />
          <RecentList />
        </div>
        <div className="console__detail">
          <DetailPane />
        </div>
        <aside className="console__side">
          <EmergencyContacts />
          {/* Focusable, so the keyboard can scroll it even when the form is disabled (offline). */}
          <div className="console__side-scroll" role="group" aria-labelledby="raise-heading" tabIndex={0}>
            {/* here, in the column's own scroll box, it never covers the raise form's button */}
            <SetupHint />
            <RaiseForm />
          </div>
        </aside>
      </main>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
      {announcement !== '' && (
        <p className="console__toast" aria-hidden="true">
          {announcement}
        </p>
      )}
      {dialog === 'help' && <HelpDialog onClose={() => openDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog onClose={() => openDialog(null)} />}
      {dialog === 'setup' && <SetupDialog onClose={() => openDialog(null)} />}
      <ConfirmDialogs />
    </div>
  );
}

function KeyboardShortcuts({ announce }: { announce: (text: string) => void }) {
  const t = useMessages();
  useShortcuts(t, announce);
  return null;
}
