import { memo, useLayoutEffect, useRef, type RefObject } from 'react';
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

/** One active incident on the wall: read from across the room, no controls. */
export const WallTile = memo(function WallTile({ id }: { id: string }) {
  const t = useMessages();
  const language = useLanguage();
  const incident = useBoard((s) => s.board.incidents[id]);
  const roster = useBoard((s) => s.board.roster);
  const type = useBoard((s) => (incident === undefined ? undefined : findType(s.board.plan.catalogue, incident.incidentType)));
  const bodyRef = useRef<HTMLDivElement>(null);
  useFittedLines(bodyRef);
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
  const held = holders(incident, roster, language);
  const unfilled = incident.rolesToFill.filter((p) => incident.assignments[p] === undefined);
  const { handled, total } = checklistProgress(incident);
  const calls = callsMade(incident);

  const unfilledNames = unfilled.map((p) => POSITION_NAMES[p][language]).join(t.plans.listSeparator);
  // One deadline per tile, the most pressing (missed first, then the soonest); the others are counted.
  const deadline = pending[0];

  // Lines are listed in reading order; data-priority says which give way first (the highest
  // number) when the tile is too small for all of them: whole lines, never half a line.
  return (
    <article
      className={`tile tile--level-${incident.level}${flashing ? ' tile--alarm' : ''}${incident.drill ? ' tile--drill' : ''}`}
      aria-label={`${t.incidentNumber(incident.number)} ${incident.title}`}
      data-flashing={flashing ? 'true' : 'false'}
    >
      <div className="tile__band">
        {/* One form on every tile: the level alone (the national names belong to four-level plans only). */}
        <span className="tile__level">{t.levelText(incident.level)}</span>
        <span className="tile__number">{t.incidentNumber(incident.number)}</span>
        {incident.drill && <span className="tile__drill">{t.plans.drillBanner}</span>}
        <span className="tile__elapsed">
          <Elapsed since={incident.raisedAt} />
        </span>
      </div>
      <div ref={bodyRef} className="tile__body">
        <h2 className="tile__title">{incident.title}</h2>
        <p className={`tile__status${flashing ? ' tile__status--alarm' : ''}`} data-priority={1}>
          {flashing ? t.plans.wall.unacknowledged : t.status[incident.status]}
          {incident.alarm.shelved !== null && ` · ${t.events.alarmShelved}`}
        </p>
        {step !== null && (
          <p className="tile__timer" data-priority={2}>
            <span className="tile__what">
              {step.kind === 'escalate'
                ? t.plans.wall.escalatesIn(roleName(step.toTier))
                : step.kind === 'repeat'
                  ? t.due.repeats
                  : t.due.reminder}
            </span>
            <Countdown to={step.at} urgentBelowMs={URGENT_BELOW_MS} words />
          </p>
        )}
        {deadline !== undefined && (
          <p
            className={`tile__timer tile__timer--deadline${deadlineState(deadline) === 'missed' ? ' tile__timer--missed' : ''}`}
            data-priority={3}
          >
            <span className="tile__what">{deadline.name[language]}</span>
            {deadlineState(deadline) === 'missed' ? (
              <strong>{t.plans.wall.overdue}</strong>
            ) : (
              <Countdown to={deadline.dueAt} urgentBelowMs={URGENT_BELOW_MS} words />
            )}
          </p>
        )}
        <p className="tile__meta" data-priority={4}>
          {type?.name[language] ?? incident.incidentType}
          {incident.location !== '' && ` · ${incident.location}`}
        </p>
        {total > 0 && (
          <p className="tile__progress" data-priority={5}>
            {t.plans.progress(handled, total)}
          </p>
        )}
        {calls.length > 0 && (
          <p className="tile__calls" data-priority={6}>
            {t.plans.wall.called(calls.map((c) => `${c.number} ${formatHourMinute(c.at, language)}`).join(t.plans.listSeparator))}
          </p>
        )}
        {unfilled.length > 0 && (
          <p className="tile__role--unfilled" data-priority={7}>
            {t.plans.unfilledList(unfilledNames)}
          </p>
        )}
        {pending.length > 1 && (
          <p className="tile__more" data-priority={8}>
            {t.plans.wall.moreDeadlines(pending.length - 1)}
          </p>
        )}
        {held.length > 0 && (
          <p className="tile__roles" data-priority={9}>
            {held.map((h, index) => (
              <span key={h.position}>
                {index > 0 && t.plans.listSeparator}
                <span className="tile__position">
                  {h.positionName}
                  {t.plans.colon}
                </span>
                {h.personName}
              </span>
            ))}
          </p>
        )}
      </div>
    </article>
  );
});

/**
 * Hides the tile's lines, least important first (highest data-priority), until the rest fit its
 * body; again whenever the tile changes size or is drawn anew.
 */
function useFittedLines(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const body = ref.current;
    if (body === null) return;
    const fit = () => {
      const lines = Array.from(body.querySelectorAll<HTMLElement>(':scope > [data-priority]'));
      for (const line of lines) line.hidden = false;
      lines.sort((a, b) => Number(b.dataset.priority) - Number(a.dataset.priority));
      for (const line of lines) {
        if (body.scrollHeight <= body.clientHeight) break;
        line.hidden = true;
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(body);
    return () => observer.disconnect();
  });
}

/** The numbers called for the incident, each with its latest call, in the order first called. */
export function callsMade(incident: Incident): { readonly number: string; readonly at: number }[] {
  const latest = new Map<string, number>();
  for (const event of incident.timeline) if (event.type === 'contactCalled') latest.set(event.number, event.at);
  return [...latest].map(([number, at]) => ({ number, at }));
}
