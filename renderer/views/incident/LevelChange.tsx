import { useId, useState, type FormEvent } from 'react';
import { isLowering, type Level } from '../../../electron/core/incident/levels.js';
import { LEVEL_SCHEMES } from '../../../electron/core/plan/catalogue.js';
import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { useIncidentTypeView } from '../common/useIncidentType.js';

/**
 * "Change level" (调整级别): the incident's grade, by hand. Not to be mistaken for escalating
 * (上报升级), which alerts the next tier of the ladder. Raising needs no reason; lowering does.
 */
export function LevelChange({ incident }: { incident: Incident }) {
  const t = useMessages();
  const online = useOnline();
  const changeLevel = useBoardAction('changeLevel');
  const { scheme } = useIncidentTypeView(incident.incidentType);
  const levels: readonly Level[] = LEVEL_SCHEMES[scheme];
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<Level>(incident.level);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  /** what is wrong, and with which field: our own check first, then the host's answer */
  const [error, setError] = useState<{ field: string | undefined; text: string } | null>(null);
  const levelId = useId();
  const reasonId = useId();
  const errorId = useId();
  const name = t.actionName(t.work.changeLevel, incident.number, incident.title);
  if (incident.status === 'closed') return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (level === incident.level) return setError({ field: 'level', text: t.work.sameLevel });
    if (isLowering(incident.level, level) && reason.trim() === '') return setError({ field: 'reason', text: t.work.reasonNeeded });
    setBusy(true);
    const result = await changeLevel(incident.id, level, reason.trim());
    setBusy(false);
    if (!result.ok) return setError({ field: result.error.field, text: errorText(t, result.error) });
    setError(null);
    setReason('');
    setOpen(false);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="button"
        aria-label={name}
        disabled={!online}
        onClick={() => {
          setLevel(incident.level);
          setOpen(true);
        }}
      >
        {t.work.changeLevel}
      </button>
    );
  }
  // Our own messages in the board's language, never the browser's bubbles.
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form className="level-change" aria-label={name} noValidate onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <div className="field">
        <label htmlFor={levelId}>{t.work.newLevel}</label>
        <select
          id={levelId}
          value={level}
          autoFocus
          aria-invalid={error?.field === 'level'}
          onChange={(e) => setLevel(e.target.value as Level)}
        >
          {levels.map((l) => (
            <option key={l} value={l}>
              {t.levelText(l)}
              {scheme === 'four' ? ` ${t.levelNames[l]}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={reasonId}>{t.work.levelReason}</label>
        <input
          id={reasonId}
          value={reason}
          maxLength={1000}
          aria-invalid={error?.field === 'reason'}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="level-change__buttons">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.work.confirmChangeLevel}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
      {error !== null && (
        <p id={errorId} role="alert" className="field-error">
          {error.text}
        </p>
      )}
    </form>
  );
}
