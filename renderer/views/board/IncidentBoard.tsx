import { useMemo } from 'react';
import { activeIncidents } from '../../../electron/core/incident/selectors.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard } from '../../store/context.js';
import { FloodGroups } from '../alarm/FloodGroups.js';
import { useDenseBoard, useShownIncident } from '../console/useActiveIds.js';
import { CardListItem } from './CardListItem.js';

/** Active incidents, gravest level first, then the longest waiting; one line each when busy. */
export function IncidentBoard() {
  const t = useMessages();
  const board = useBoard((s) => s.board);
  const ids = useMemo(() => activeIncidents(board).map((i) => i.id), [board]);
  const flood = board.flood.active;
  const dense = useDenseBoard();
  const shownId = useShownIncident().incident?.id ?? null;
  return (
    <section className={`board${dense ? ' board--dense' : ''}`} aria-label={t.board}>
      <h2 className="section-title">
        {t.board} <span className="section-title__count">{ids.length}</span>
      </h2>
      {ids.length === 0 ? (
        <p className="empty">{t.noActive}</p>
      ) : flood ? (
        <FloodGroups dense={dense} shownId={shownId} />
      ) : (
        <ol className={dense ? 'rows' : 'cards'}>
          {ids.map((id) => (
            <CardListItem key={id} id={id} dense={dense} shown={id === shownId} />
          ))}
        </ol>
      )}
    </section>
  );
}
