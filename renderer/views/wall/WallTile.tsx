import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { findType } from '../../../electron/core/plan/catalogue.js';
import type { Incident } from '../../../electron/core/state.js';
import { POSITION_NAMES } from '../../../electron/core/organisation/organisation.js';
import { ROLE_NAMES } from '../../../electron/core/plan/roles.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useLanguage } from '../../store/context.js';
import { deadlineState, isFlashing, nextStep } from '../alarm/alarmView.js';
import { checklistProgress, holders } from '../console/planProgress.js';
import { formatHourMinute } from '../alarm/alarmTime.js';
import { Countdown, URGENT_BELOW_MS } from '../board/Countdown.js';
import { Elapsed } from '../board/Elapsed.js';

/** One deadline per tile, the most pressing (missed first, then the soonest); the others are counted. */
const DEADLINES_SHOWN = 1;

/** One active incident on the wall: read from across the room, no controls. */
export const WallTile = memo(function WallTile({ id }: { id: string }) {
  const t = useMessages();
  const language = useLanguage();
  const incident = useBoard((s) => s.board.incidents[id]);
  const roster = useBoard((s) => s.board.roster);
  const type = useBoard((s) => (incident === undefined ? undefined : findType(s.board.plan.catalogue, incident.incidentType)));
  const rolesRef = useRef<HTMLUListElement>(null);
  const clipped = useClipped(rolesRef);
  if (incident === undefined) return null;

  const flashing = isFlashing(incident);
  const step = nextStep(incident);
  const tiers = incident.alarm.policy.tiers;
  const roleName = (tier: number) => {
    const role = tiers[tier]?.role;
    return role === undefined ? '' : ROLE_NAMES[role][language];
  };
  const pending = incident.deadlines
    .filter((d) => deadlineState(d) !== 'met' && deadlineState(d) !== 'waived')
    .sort((a, b) => Number(deadlineState(b) === 'missed') - Number(deadlineState(a) === 'missed') || a.dueAt - b.dueAt);
  const deadlines = pending.slice(0, DEADLINES_SHOWN);
  const moreDeadlines = pending.length - deadlines.length;
  const held = holders(incident, roster, language);
  const unfilled = incident.rolesToFill.filter((p) => incident.assignments[p] === undefined);
  const { handled, total } = checklistProgress(incident);
  const calls = callsMade(incident);

  return (
    <article
      className={`tile tile--level-${incident.level}${flashing ? ' tile--alarm' : ''}${incident.drill ? ' tile--drill' : ''}`}
      aria-label={`${t.incidentNumber(incident.number)} ${incident.title}`}
      data-flashing={flashing ? 'true' : 'false'}
    >
      <div className="tile__band">
        <span className="tile__level">
          {t.levelText(incident.level)}
          {type?.levelScheme !== 'three' && ` ${t.levelNames[incident.level]}`}
        </span>
        <span className="tile__number">{t.incidentNumber(incident.number)}</span>
        {incident.drill && <span className="tile__drill">{t.plans.drillBanner}</span>}
        <span className="tile__elapsed">
          <Elapsed since={incident.raisedAt} />
        </span>
      </div>
      <div className="tile__body">
        <h2 className="tile__title">{incident.title}</h2>
        <p className="tile__meta">
          {type?.name[language] ?? incident.incidentType}
          {incident.location !== '' && ` · ${incident.location}`}
        </p>
        <p className={`tile__status${flashing ? ' tile__status--alarm' : ''}`}>
          {flashing ? t.plans.wall.unacknowledged : t.status[incident.status]}
          {incident.alarm.shelved !== null && ` · ${t.events.alarmShelved}`}
          {total > 0 && <span className="tile__progress"> · {t.plans.progress(handled, total)}</span>}
        </p>
        {calls.length > 0 && (
          <p className="tile__calls">
            {t.plans.wall.called(calls.map((c) => `${c.number} ${formatHourMinute(c.at, language)}`).join(t.plans.listSeparator))}
          </p>
        )}
        {step !== null && (
          <p className="tile__timer">
            {step.kind === 'escalate'
              ? t.plans.wall.escalatesIn(roleName(step.toTier))
              : step.kind === 'repeat'
                ? t.alarm.repeatsIn
                : t.alarm.reminderIn}{' '}
            <Countdown to={step.at} urgentBelowMs={URGENT_BELOW_MS} />
          </p>
        )}
        {deadlines.map((d) => (
          <p key={d.id} className={`tile__timer tile__timer--deadline${deadlineState(d) === 'missed' ? ' tile__timer--missed' : ''}`}>
            {d.name[language]}{' '}
            {deadlineState(d) === 'missed' ? (
              <strong>{t.plans.wall.overdue}</strong>
            ) : (
              <Countdown to={d.dueAt} urgentBelowMs={URGENT_BELOW_MS} />
            )}
            {moreDeadlines > 0 && <span className="tile__more"> (+{moreDeadlines})</span>}
          </p>
        ))}
        {(held.length > 0 || unfilled.length > 0) && (
          <ul ref={rolesRef} className={`tile__roles${clipped ? ' tile__roles--clipped' : ''}`} aria-label={t.plans.wall.roles}>
            {held.map((h) => (
              <li key={h.position}>
                <span className="tile__position">
                  {h.positionName}
                  {t.plans.colon}
                </span>
                {h.personName}
              </li>
            ))}
            {unfilled.length > 0 && (
              <li className="tile__role--unfilled">
                {t.plans.unfilledList(unfilled.map((p) => POSITION_NAMES[p][language]).join(t.plans.listSeparator))}
              </li>
            )}
          </ul>
        )}
      </div>
    </article>
  );
});

/** Whether the element is cut off by the tile's edge, so that it can fade out instead of ending mid-line. */
function useClipped(ref: RefObject<HTMLElement | null>): boolean {
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const check = () => setClipped(element.scrollHeight > element.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  });
  return clipped;
}

/** The numbers called for the incident, each with its latest call, in the order first called. */
export function callsMade(incident: Incident): { readonly number: string; readonly at: number }[] {
  const latest = new Map<string, number>();
  for (const event of incident.timeline) if (event.type === 'contactCalled') latest.set(event.number, event.at);
  return [...latest].map(([number, at]) => ({ number, at }));
}
