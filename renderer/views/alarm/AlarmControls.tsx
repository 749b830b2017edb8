import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Result } from '../../../electron/core/contract/result.js';
import { ROLE_NAMES } from '../../../electron/core/plan/roles.js';
import { isActive, type Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { atTopTier } from './alarmView.js';
import { errorText } from '../common/errorText.js';

/** Shelving is always time-limited (ISA-18.2); the core allows at most 8 hours. */
export const SHELVE_MINUTES = [15, 60, 240, 480] as const;
const DEFAULT_SHELVE_MINUTES = 60;

/**
 * Acknowledge, Silence, Shelve / Unshelve, Escalate: four separate things (ISA-18.2). Silence
 * only mutes the horn; the card keeps flashing and the ladder keeps climbing. An alarm that
 * returned to normal no longer sounds, so it has nothing to silence.
 */
export function AlarmControls({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const acknowledge = useBoardAction('acknowledge');
  const silence = useBoardAction('silence');
  const unshelve = useBoardAction('unshelve');
  const askConfirm = useBoardAction('askConfirm');
  const [busy, setBusy] = useState(false);
  const [shelving, setShelving] = useState(false);
  // set when the shelve form closes; read by the effect after the buttons are back
  const refocus = useRef(false);
  const shelveRef = useRef<HTMLButtonElement>(null);
  const unshelveRef = useRef<HTMLButtonElement>(null);
  const topTierId = useId();
  const { alarm } = incident;
  const id = incident.id;

  // After the shelve form closes, focus goes back to where the operator was, not to the page top.
  useEffect(() => {
    if (!refocus.current || shelving) return;
    (unshelveRef.current ?? shelveRef.current)?.focus();
    refocus.current = false;
  }, [shelving, alarm.shelved]);

  const run = async (command: () => Promise<Result<unknown>>) => {
    setBusy(true);
    await command();
    setBusy(false);
  };
  const name = (action: string) => t.actionName(action, incident.number, incident.title);
  const top = atTopTier(incident);
  // a resolved incident still on the board (open deadlines) neither escalates nor shelves
  const active = isActive(incident);
  const topRole = ROLE_NAMES[alarm.policy.tiers[alarm.policy.tiers.length - 1]?.role ?? 'authority'][language];
  const closeForm = () => {
    setShelving(false);
    refocus.current = true;
  };

  return (
    <>
      <div className="alarm-controls">
        {alarm.unacknowledged && (
          <button
            type="button"
            className="button button--primary"
            aria-label={name(t.acknowledge)}
            disabled={!online || busy}
            onClick={() => run(() => acknowledge(id))}
          >
            {t.acknowledge}
          </button>
        )}
        {alarm.unacknowledged && !alarm.returned && alarm.shelved === null && (
          <button
            type="button"
            className="button"
            aria-label={name(t.alarm.silence)}
            disabled={!online || busy}
            onClick={() => run(() => silence(id))}
          >
            {t.alarm.silence}
          </button>
        )}
        {active && alarm.shelved === null && !shelving && (
          <button
            ref={shelveRef}
            type="button"
            className="button"
            aria-label={name(t.alarm.shelve)}
            disabled={!online || busy}
            onClick={() => setShelving(true)}
          >
            {t.alarm.shelve}
          </button>
        )}
        {alarm.shelved !== null && (
          <button
            ref={unshelveRef}
            type="button"
            className="button"
            aria-label={name(t.alarm.unshelve)}
            disabled={!online || busy}
            onClick={() => run(() => unshelve(id))}
          >
            {t.alarm.unshelve}
          </button>
        )}
        {/* At the top tier the button stays in the tab order and says why it does nothing. */}
        {active && (
          <button
            type="button"
            className="button"
            aria-label={name(t.alarm.escalate)}
            aria-disabled={top ? true : undefined}
            aria-describedby={top ? topTierId : undefined}
            title={top ? t.alarm.atTopTier(topRole) : undefined}
            aria-haspopup={top ? undefined : 'dialog'}
            disabled={!online || busy}
            onClick={() => {
              if (!top) askConfirm({ kind: 'escalate', incidentId: id });
            }}
          >
            {t.alarm.escalate}
          </button>
        )}
        {active && top && (
          <span id={topTierId} className="visually-hidden">
            {t.alarm.atTopTier(topRole)}
          </span>
        )}
      </div>
      {shelving && <ShelveForm incident={incident} label={name(t.alarm.shelve)} onDone={closeForm} />}
    </>
  );
}

/** Shelving asks why and for how long; both go into the incident's record. */
function ShelveForm({ incident, label, onDone }: { incident: Incident; label: string; onDone: () => void }) {
  const t = useMessages();
  const online = useOnline();
  const shelve = useBoardAction('shelve');
  const lastError = useBoard((s) => s.ui.lastError);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number>(DEFAULT_SHELVE_MINUTES);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const minutesId = useId();
  const errorId = useId();
  const error = lastError?.incidentId === incident.id && lastError.command === 'shelve' ? lastError.error : null;
  const reasonInvalid = error?.field === 'reason';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await shelve(incident.id, reason, minutes);
    setBusy(false);
    if (result.ok) onDone();
  };

  return (
    // Escape anywhere in the form closes it, as it would a dialog; the fields keep their own keys.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form noValidate className="shelve-form" aria-label={label} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <div className="field">
        <label htmlFor={reasonId}>{t.alarm.shelveReason}</label>
        <input
          id={reasonId}
          value={reason}
          required
          autoFocus
          maxLength={1000}
          aria-invalid={reasonInvalid}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={minutesId}>{t.alarm.shelveFor}</label>
        <select id={minutesId} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {SHELVE_MINUTES.map((m) => (
            <option key={m} value={m}>
              {t.alarm.minutes(m)}
            </option>
          ))}
        </select>
      </div>
      <div className="shelve-form__buttons">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.alarm.shelve}
        </button>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
      {error !== null && (
        <p id={errorId} role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </form>
  );
}
