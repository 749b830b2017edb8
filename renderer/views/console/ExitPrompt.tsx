import { useEffect, useState, type FormEvent } from 'react';
import type { ExitGate, ExitRequest } from '../../api/exitGate.js';
import { useMessages } from '../../i18n/useMessages.js';
import { Modal } from '../common/Modal.js';

/**
 * Shown when someone closes or quits the kiosk: a stray Alt+F4 must not take the control room's
 * board away, so the exit waits for the operator PIN (checked in main).
 */
export function ExitPrompt({ gate }: { gate: ExitGate }) {
  const t = useMessages().exit;
  const [request, setRequest] = useState<ExitRequest | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  useEffect(() => gate.onExitRequested(setRequest), [gate]);
  if (request === null) return null;

  const close = () => {
    setRequest(null);
    setPin('');
    setError('');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await gate.requestExit(pin);
    if (!result.ok) setError(result.error.message);
  };
  return (
    <Modal title={t.title} onClose={close}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t.title}>
        <p>{request.reason === 'quit' ? t.quitting : t.closing}</p>
        {request.lockedUntil !== null && <p role="alert">{t.locked(new Date(request.lockedUntil).toLocaleTimeString())}</p>}
        <label>
          {t.pin}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            aria-invalid={error !== ''}
            aria-describedby={error === '' ? undefined : 'exit-error'}
          />
        </label>
        {error !== '' && (
          <p id="exit-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{t.exit}</button>
        <button type="button" onClick={close}>
          {t.stay}
        </button>
      </form>
    </Modal>
  );
}
