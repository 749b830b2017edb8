import { useEffect } from 'react';
import { useMessages } from '../i18n/useMessages.js';
import { useBoard } from '../store/context.js';
import { selectLanguage } from '../store/selectors.js';
import { Header } from './Header.js';
import { IncidentBoard } from './IncidentBoard.js';
import { RaiseForm } from './RaiseForm.js';
import { RecentList } from './RecentList.js';
import { WarningsBanner } from './WarningsBanner.js';

export function App() {
  const t = useMessages();
  const language = useBoard(selectLanguage);
  useEffect(() => {
    // Screen readers and fonts (CJK glyph choice) follow the page language.
    document.documentElement.lang = language;
    document.title = t.appTitle;
  }, [language, t]);

  return (
    <div className="app">
      <Header />
      <WarningsBanner />
      <main className="layout">
        <div className="layout__main">
          <IncidentBoard />
          <RecentList />
        </div>
        <aside className="layout__side">
          <RaiseForm />
        </aside>
      </main>
    </div>
  );
}
