import { useState, type FormEvent } from 'react';
import { POSITION_NAMES, POSITIONS, type Position } from '../../../electron/core/organisation/organisation.js';
import type { Person } from '../../../electron/core/organisation/roster.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';
import { toggled } from './toggled.js';

/** A new person's id: stable once saved, since assignments and shifts refer to it. */
export function newPersonId(existing: readonly { readonly id: string }[], now: number): string {
  const base = `p-${now.toString(36)}`;
  let n = existing.length + 1;
  while (existing.some((p) => p.id === `${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The people of the emergency organisation: name, phone, department, positions each may hold. */
export function RosterSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const saved = useBoard((s) => s.board.roster);
  const setRoster = useBoardAction('setRoster');
  const [rows, setRows] = useState<Person[]>(() => saved.map((p) => ({ ...p, positions: [...p.positions] })));
  const { state, busy, save } = useSave();

  const edit = (index: number, change: Partial<Person>) => setRows((r) => r.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const togglePosition = (index: number, position: Position, on: boolean) =>
    setRows((r) => r.map((row, i) => (i !== index ? row : { ...row, positions: toggled(POSITIONS, row.positions, position, on) })));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(() => guard.guarded((pin) => setRoster(rows, pin)), t.plans.saved);
  };

  return (
    <form noValidate className="settings-form" onSubmit={submit}>
      <p className="settings-form__count">{t.plans.rosterCount(rows.length)}</p>
      <ol className="roster-rows">
        {rows.map((row, index) => (
          <li key={row.id} className="roster-row">
            <label className="field">
              <span>{t.plans.personName}</span>
              <input value={row.name} required maxLength={100} onChange={(e) => edit(index, { name: e.target.value })} />
            </label>
            <label className="field">
              <span>{t.plans.personPhone}</span>
              <input value={row.phone} inputMode="tel" maxLength={32} onChange={(e) => edit(index, { phone: e.target.value })} />
            </label>
            <label className="field">
              <span>{t.plans.personDepartment}</span>
              <input value={row.department} maxLength={100} onChange={(e) => edit(index, { department: e.target.value })} />
            </label>
            <details className="roster-row__positions">
              <summary>
                {t.plans.personPositions}:{' '}
                {row.positions.length === 0
                  ? t.plans.none
                  : row.positions.map((p) => POSITION_NAMES[p][language]).join(t.plans.listSeparator)}
              </summary>
              <fieldset>
                <legend className="visually-hidden">
                  {t.plans.personPositions}: {row.name}
                </legend>
                {POSITIONS.map((p) => (
                  <label key={p} className="check">
                    <input
                      type="checkbox"
                      checked={row.positions.includes(p)}
                      onChange={(e) => togglePosition(index, p, e.target.checked)}
                    />
                    {POSITION_NAMES[p][language]}
                  </label>
                ))}
              </fieldset>
            </details>
            <button
              type="button"
              className="button button--quiet"
              aria-label={t.plans.removePerson(row.name)}
              onClick={() => setRows((r) => r.filter((_, i) => i !== index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="settings-form__actions">
        <button
          type="button"
          className="button"
          onClick={() => setRows((r) => [...r, { id: newPersonId(r, Date.now()), name: '', phone: '', department: '', positions: [] }])}
        >
          {t.plans.addPerson}
        </button>
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.saveRoster}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
