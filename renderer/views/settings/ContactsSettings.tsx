import { useState, type FormEvent } from 'react';
import type { Contact } from '../../../electron/core/organisation/settings.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';

/** The site's own numbers (power company, hospital, insurer, regulator, leaders), shown under 119–122. */
export function ContactsSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const online = useOnline();
  const settings = useBoard((s) => s.host.settings);
  const saved = settings.contacts;
  const updateSettings = useBoardAction('updateSettings');
  const [rows, setRows] = useState<Contact[]>(() => saved.map((c) => ({ ...c })));
  const { state, busy, save } = useSave();

  const edit = (index: number, change: Partial<Contact>) => setRows((r) => r.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Sent with the other settings as they are: a field left out of a patch would be reset to its default.
    const { siteName, language, operatorName, dialOut } = settings;
    await save(
      () => guard.guarded((pin) => updateSettings({ siteName, language, operatorName, dialOut, contacts: rows }, pin)),
      t.plans.saved,
    );
  };

  return (
    <form noValidate className="settings-form" onSubmit={submit}>
      <table className="edit-table">
        <thead>
          <tr>
            <th scope="col">{t.plans.contactName}</th>
            <th scope="col">{t.plans.contactNumber}</th>
            <th scope="col">{t.plans.contactNote}</th>
            <th scope="col">
              <span className="visually-hidden">{t.plans.removeContact('')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              <td>
                <input
                  aria-label={`${t.plans.contactName} ${index + 1}`}
                  value={row.name}
                  maxLength={100}
                  required
                  onChange={(e) => edit(index, { name: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t.plans.contactNumber} ${index + 1}`}
                  value={row.number}
                  inputMode="tel"
                  maxLength={32}
                  required
                  onChange={(e) => edit(index, { number: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${t.plans.contactNote} ${index + 1}`}
                  value={row.note}
                  maxLength={200}
                  onChange={(e) => edit(index, { note: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t.plans.removeContact(row.name)}
                  onClick={() => setRows((r) => r.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings-form__actions">
        <button type="button" className="button" onClick={() => setRows((r) => [...r, { name: '', number: '', note: '' }])}>
          {t.plans.addContact}
        </button>
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.saveContacts}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
