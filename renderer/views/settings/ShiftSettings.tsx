import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../electron/core/contract/commands.js';
import { formatDateTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { personName } from '../incident/timelineText.js';
import { SaveStatus, useSave } from './SaveStatus.js';

/** Who is on duty now, and the handover to the next shift (recorded in the journal). */
export function ShiftSettings() {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const shift = useBoard((s) => s.board.shift);
  const roster = useBoard((s) => s.board.roster);
  const handOver = useBoardAction('handOver');
  const [incoming, setIncoming] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { state, busy, save, refuse } = useSave();
  const noteId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (incoming.length === 0) return refuse({ code: 'invalid', message: t.plans.handoverNeedsPeople, field: 'incoming' });
    await save(
      () => handOver(incoming, note),
      t.plans.handedOver,
      () => {
        setIncoming([]);
        setNote('');
      },
    );
  };

  return (
    <div className="settings-form">
      <h3 className="settings-form__title">{t.plans.onDuty}</h3>
      {shift.onDuty.length === 0 ? (
        <p>{t.plans.nobodyOnDuty}</p>
      ) : (
        <p>
          <strong>{shift.onDuty.map((id) => personName(roster, id, t)).join(t.plans.listSeparator)}</strong>
          {shift.since !== null && ` · ${t.plans.onDutySince(formatDateTime(shift.since, language))}`}
        </p>
      )}
      {shift.note !== '' && (
        <p className="shift-note">
          {t.plans.lastNote}: {shift.note}
        </p>
      )}
      {roster.length === 0 ? (
        <p>{t.plans.noRoster}</p>
      ) : (
        <form noValidate onSubmit={submit} className="handover">
          <fieldset>
            <legend>{t.plans.incoming}</legend>
            <div className="handover__people">
              {roster.map((p) => (
                <label key={p.id} className="check">
                  <input
                    type="checkbox"
                    checked={incoming.includes(p.id)}
                    onChange={(e) => setIncoming((list) => (e.target.checked ? [...list, p.id] : list.filter((id) => id !== p.id)))}
                  />
                  {p.name}
                  {p.department !== '' && <span className="muted"> · {p.department}</span>}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={noteId}>{t.plans.handoverNote}</label>
            <textarea id={noteId} rows={3} value={note} maxLength={LIMITS.text} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="settings-form__actions">
            <button type="submit" className="button button--primary" disabled={!online || busy}>
              {t.plans.handOver}
            </button>
            <SaveStatus state={state} />
          </div>
        </form>
      )}
    </div>
  );
}
