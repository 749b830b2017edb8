import { memo } from 'react';
import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage } from '../../store/context.js';
import { deadlineState, isFlashing, nextStep } from '../alarm/alarmView.js';
import { Countdown, URGENT_BELOW_MS } from './Countdown.js';
import { Elapsed } from './Elapsed.js';

/**
 * One incident as one line of a busy board, in the manner of an industrial alarm summary: level
 * colour and level, number, title, state, time elapsed, and the next thing due. Picking the line
 * shows the incident, with all its controls, in the middle of the console.
 */
export const IncidentRow = memo(function IncidentRow({ id, shown }: { id: string; shown: boolean }) {
  const t = useMessages();
  const incident = useBoard((s) => s.board.incidents[id]);
  const selected = useBoard((s) => s.ui.selectedIncidentId === id);
  const toggleSelected = useBoardAction('toggleSelected');
  if (incident === undefined) return null;
  const flashing = isFlashing(incident);
  const classes = [
    'row',
    `row--level-${incident.level}`,
    flashing ? 'row--alarm' : '',
    incident.drill ? 'row--drill' : '',
    shown ? 'row--shown' : '',
  ].filter((c) => c !== '');
  const state = incident.alarm.shelved !== null ? t.due.shelved : t.status[incident.status];
  return (
    <article
      className={classes.join(' ')}
      aria-label={`${incident.drill ? `${t.drill}: ` : ''}${incident.title}`}
      data-alarm={incident.alarm.unacknowledged ? 'unacknowledged' : 'acknowledged'}
      data-flashing={flashing ? 'true' : 'false'}
    >
      <span className={`level-badge level-badge--${incident.level} row__level`}>{t.levelText(incident.level)}</span>
      <span className="row__number">{t.incidentNumber(incident.number)}</span>
      <button
        type="button"
        className="row__title"
        aria-label={t.plans.selectIncident(incident.number, incident.title)}
        aria-pressed={selected}
        onClick={() => toggleSelected(id)}
      >
        {incident.drill && <span className="row__drill">{t.drill}</span>}
        {incident.title}
      </button>
      <span className={`row__state${incident.alarm.unacknowledged ? ' row__state--alarm' : ''}`}>{state}</span>
      <span className="row__elapsed">
        <Elapsed since={incident.raisedAt} />
      </span>
      <NextDue incident={incident} />
    </article>
  );
});

/** The soonest of the ladder's next step and the open deadlines; a missed deadline before all. */
function NextDue({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const missed = incident.deadlines.find((d) => deadlineState(d) === 'missed');
  if (missed !== undefined) {
    return (
      <>
        <span className="row__next-what">{missed.name[language]}</span> <strong className="row__overdue">{t.due.overdue}</strong>
      </>
    );
  }
  const step = nextStep(incident);
  const deadline = incident.deadlines.filter((d) => deadlineState(d) === 'open').sort((a, b) => a.dueAt - b.dueAt)[0];
  const stepWord = { escalate: t.due.escalates, repeat: t.due.repeats, reminder: t.due.reminder };
  const next =
    deadline !== undefined && (step === null || deadline.dueAt < step.at)
      ? { what: deadline.name[language], at: deadline.dueAt }
      : step !== null
        ? { what: stepWord[step.kind], at: step.at }
        : null;
  if (next === null) return null;
  // Two parts of the line: the words give way (ellipsis), the countdown never does.
  return (
    <>
      <span className="row__next-what">{next.what}</span> <Countdown to={next.at} urgentBelowMs={URGENT_BELOW_MS} words />
    </>
  );
}
