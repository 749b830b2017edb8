import { useMemo } from 'react';
import { recentIncidents } from '../../../electron/core/incident/selectors.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard } from '../../store/context.js';
import { RecentItem } from './RecentItem.js';

/** Resolved and closed incidents, latest first, so a mistaken resolve can be undone. */
export function RecentList() {
  const t = useMessages();
  const board = useBoard((s) => s.board);
  const ids = useMemo(() => recentIncidents(board).map((i) => i.id), [board]);
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-title">
        {t.recent}
      </h2>
      {ids.length === 0 ? (
        <p className="empty">{t.noRecent}</p>
      ) : (
        <ul className="recent__list">
          {ids.map((id) => (
            <li key={id} data-incident-id={id}>
              <RecentItem id={id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
