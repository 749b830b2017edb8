import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';

const PIN = /^[0-9]{4,12}$/;

/** Sets the first operator PIN, or changes it (the current one was asked for at unlock). */
export function PinSettings({ guard, pinSet, onChanged }: { guard: Guard; pinSet: boolean; onChanged: (newPin: string) => void }) {
  const t = useMessages();
  const online = useOnline();
  const changePin = useBoardAction('changePin');
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const { state, busy, save, refuse } = useSave();
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!PIN.test(newPin)) return refuse({ code: 'invalid', message: t.plans.pinFormat, field: 'newPin' });
    if (newPin !== repeat) return refuse({ code: 'invalid', message: t.plans.pinMismatch, field: 'newPin' });
    await save(
      () => guard.guarded((pin) => changePin(pin, newPin)),
      t.plans.pinChanged,
      () => {
        setNewPin('');
        setRepeat('');
        onChanged(newPin);
      },
    );
  };

  return (
    <form noValidate className="settings-form" onSubmit={submit}>
      <h3 className="settings-form__title">{pinSet ? t.plans.changePin : t.plans.setPin}</h3>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t.plans.newPin}</label>
        <input
          id={`${id}-new`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={newPin}
          onChange={(e) => setNewPin(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t.plans.repeatPin}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {pinSet ? t.plans.changePin : t.plans.setPin}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
