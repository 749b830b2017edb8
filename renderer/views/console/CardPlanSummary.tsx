import { memo } from 'react';
import { POSITION_NAMES } from '../../../electron/core/organisation/organisation.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useLanguage } from '../../store/context.js';
import { checklistProgress, holders, unfilledPositions } from './planProgress.js';

/**
 * The plan's state on a board card: checklist progress, who holds which position, and the
 * required positions nobody holds. Rendered by IncidentCard; marks the selected card.
 */
export const CardPlanSummary = memo(function CardPlanSummary({ id }: { id: string }) {
  const t = useMessages();
  const language = useLanguage();
  const incident = useBoard((s) => s.board.incidents[id]);
  const roster = useBoard((s) => s.board.roster);
  const selected = useBoard((s) => s.ui.selectedIncidentId === id);
  if (incident === undefined) return null;
  const { handled, total } = checklistProgress(incident);
  const unfilled = unfilledPositions(incident);
  const held = holders(incident, roster, language);
  return (
    <div className={`card-plan${selected ? ' card-plan--selected' : ''}`} data-incident-id={id}>
      <div className="card-plan__line">
        {total > 0 && (
          <span
            className={`chip card-plan__progress${handled === total ? ' chip--done' : ''}`}
            aria-label={t.plans.progressLabel(handled, total)}
          >
            {t.plans.progress(handled, total)}
          </span>
        )}
        {unfilled.length > 0 && (
          <span className="chip chip--unfilled">
            {t.plans.unfilledList(unfilled.map((p) => POSITION_NAMES[p][language]).join(t.plans.listSeparator))}
          </span>
        )}
        {selected && <span className="chip chip--selected">{t.plans.selected}</span>}
      </div>
      {held.length > 0 && (
        <ul className="card-plan__holders" aria-label={t.plans.positions}>
          {held.map((h) => (
            <li key={h.position}>
              <span className="card-plan__position">
                {h.positionName}
                {t.plans.colon}
              </span>
              {h.personName}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
