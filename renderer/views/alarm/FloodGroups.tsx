import { useMemo } from 'react';
import { findType } from '../../../electron/core/plan/catalogue.js';
import { useMessages } from '../../i18n/useMessages.js';
import { selectFloodGroups } from '../../store/alarmGroups.js';
import { useBoard, useLanguage } from '../../store/context.js';
import { CardListItem } from '../board/CardListItem.js';

/** The board during an alarm flood: one group per source and type, every card still there. */
export function FloodGroups({ dense, shownId }: { dense: boolean; shownId: string | null }) {
  const t = useMessages();
  const language = useLanguage();
  const board = useBoard((s) => s.board);
  const groups = useMemo(() => selectFloodGroups(board), [board]);
  return (
    <ul className="flood-groups">
      {groups.map((group) => {
        const typeName = findType(board.plan.catalogue, group.incidentType)?.name[language] ?? group.incidentType;
        const title = t.alarm.groupName(group.source ?? t.alarm.groupManual, typeName);
        return (
          <li key={group.key} className="flood-group">
            <section aria-label={title}>
              <h3 className="flood-group__title">
                {title}{' '}
                <span className="section-title__count" aria-hidden="true">
                  {group.ids.length}
                </span>
                <span className="visually-hidden">{t.alarm.groupCount(group.ids.length)}</span>
              </h3>
              <ol className={dense ? 'rows' : 'cards'}>
                {group.ids.map((id) => (
                  <CardListItem key={id} id={id} dense={dense} shown={id === shownId} />
                ))}
              </ol>
            </section>
          </li>
        );
      })}
    </ul>
  );
}
