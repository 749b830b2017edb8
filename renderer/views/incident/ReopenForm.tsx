import { useId, useState, type FormEvent } from 'react';
import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';

/** Reopening must say why; the reason goes into the incident's record. */
export function ReopenForm({ incident, label, onDone }: { incident: Incident; label: string; onDone: () => void }) {
  const t = useMessages();
  const online = useOnline();
  const reopen = useBoardAction('reopen');
  const lastError = useBoard((s) => s.ui.lastError);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const errorId = useId();
  const error = lastError?.incidentId === incident.id && lastError.command === 'reopen' ? lastError.error : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await reopen(incident.id, reason);
    setBusy(false);
    if (result.ok) onDone();
  };

  return (
    <form noValidate className="reopen-form" aria-label={label} onSubmit={submit}>
      <label htmlFor={reasonId}>{t.reopenReason}</label>
      <input
        id={reasonId}
        value={reason}
        required
        autoFocus
        maxLength={1000}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={!online || busy}>
        {t.reopen}
      </button>
      <button type="button" className="button button--quiet" onClick={onDone}>
        {t.cancel}
      </button>
      {error !== null && (
        <p id={errorId} role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </form>
  );
}
