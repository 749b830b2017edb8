import { useEffect } from 'react';
import { useMessages } from '../i18n/useMessages.js';
import { useLanguage } from '../store/context.js';
import { ConsoleView } from './console/ConsoleView.js';
import { viewModeOf } from './wall/viewMode.js';
import { WallView } from './wall/WallView.js';

/** The dispatcher console, or the read-only wall display when the page is opened with ?view=wall. */
export function App({ view = viewModeOf(window.location.search) }: { view?: 'console' | 'wall' }) {
  const t = useMessages();
  const language = useLanguage();
  useEffect(() => {
    // Screen readers and fonts (CJK glyph choice) follow the page language.
    document.documentElement.lang = language;
    document.title = view === 'wall' ? `${t.plans.wall.title} — ${t.appTitle}` : t.appTitle;
  }, [language, t, view]);
  useEffect(() => {
    document.documentElement.dataset.view = view;
  }, [view]);

  return view === 'wall' ? <WallView /> : <ConsoleView />;
}
