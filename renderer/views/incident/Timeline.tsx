import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../electron/core/contract/commands.js';
import type { Incident } from '../../../electron/core/state.js';
import { formatDateTime, formatTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { actorName, describeEvent, kindOf, TIMELINE_KINDS, type TimelineKind } from './timelineText.js';

/**
 * Every event of the incident, newest first, with time, actor and what it means; filtered by
 * kind. Notes are added here.
 */
export function Timeline({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const roster = useBoard((s) => s.board.roster);
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const headingId = useId();
  const entries = [...incident.timeline].reverse().filter((event) => !hidden.has(kindOf(event)));

  const toggle = (kind: TimelineKind) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="pane-section timeline-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="pane-section__title">
        {t.plans.timeline}
      </h3>
      <NoteForm incident={incident} />
      <div className="timeline-filter" role="group" aria-label={t.plans.filter}>
        <span className="timeline-filter__label" aria-hidden="true">
          {t.plans.filter}:
        </span>
        <button type="button" className="toggle" aria-pressed={hidden.size === 0} onClick={() => setHidden(new Set())}>
          {t.plans.allKinds}
        </button>
        {TIMELINE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`toggle toggle--${kind}`}
            aria-pressed={!hidden.has(kind)}
            onClick={() => toggle(kind)}
          >
            {t.plans.kinds[kind]}
          </button>
        ))}
      </div>
      {entries.length === 0 ? (
        <p className="empty">{t.plans.noEntries}</p>
      ) : (
        <ol className="timeline-list">
          {entries.map((event) => (
            <li key={event.seq} className={`timeline-entry timeline-entry--${kindOf(event)}`}>
              <time className="timeline-entry__time" dateTime={new Date(event.at).toISOString()} title={formatDateTime(event.at, language)}>
                {formatTime(event.at, language)}
              </time>
              <span className="timeline-entry__actor">{actorName(event.actor, t)}</span>
              <span className="timeline-entry__text">{describeEvent(event, { t, language, incident, roster })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function NoteForm({ incident }: { incident: Incident }) {
  const t = useMessages();
  const online = useOnline();
  const addNote = useBoardAction('addNote');
  const lastError = useBoard((s) => s.ui.lastError);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();
  const error = lastError?.incidentId === incident.id && lastError.command === 'addNote' ? lastError.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await addNote(incident.id, text);
    setBusy(false);
    if (result.ok) setText('');
  };

  return (
    <form noValidate className="note-form" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t.plans.note}
      </label>
      <input id={id} value={text} placeholder={t.plans.note} maxLength={LIMITS.text} required onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button" disabled={!online || busy || text.trim() === ''}>
        {t.plans.addNote}
      </button>
      {error !== null && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </form>
  );
}
