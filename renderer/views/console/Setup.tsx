import { useId, useState, type FormEvent } from 'react';
import type { Person } from '../../../electron/core/organisation/roster.js';
import type { BoardStoreState } from '../../store/types.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { Modal } from '../common/Modal.js';

type Missing = 'siteName' | 'pin' | 'roster' | 'dutyHead' | 'contacts';

/** What the site still lacks for a shift; the board says so until it is done. */
export function missingSetup(s: BoardStoreState): Missing[] {
  const { settings } = s.host;
  const onDuty = s.board.roster.filter((p) => s.board.shift.onDuty.includes(p.id));
  const missing: Missing[] = [];
  if (settings.siteName.trim() === '') missing.push('siteName');
  if (!settings.pinSet) missing.push('pin');
  if (onDuty.length === 0) missing.push('roster');
  if (!onDuty.some((p) => p.positions.includes('dutyHead'))) missing.push('dutyHead');
  if (settings.contacts.length === 0) missing.push('contacts');
  return missing;
}

/** A lasting hint on the board until the setup is complete (the PIN among it), with the way to finish it. */
export function SetupHint() {
  const t = useMessages();
  const missing = useBoard((s) => missingSetup(s).join(','));
  const openDialog = useBoardAction('openDialog');
  if (missing === '') return null;
  const items = missing.split(',').map((m) => t.work.missingItems[m as Missing]);
  return (
    <section className="setup-hint" aria-label={t.work.setupTitle}>
      <span>{t.work.missing(items.join(t.work.listSeparator))}</span>
      <button type="button" className="button" onClick={() => openDialog('setup')}>
        {t.work.setUp}
      </button>
    </section>
  );
}

interface Row {
  readonly name: string;
  readonly number: string;
}
const EMPTY_ROW: Row = { name: '', number: '' };
const PIN = /^[0-9]{4,12}$/;

/**
 * The first-run setup: site name, operator PIN, the people on duty and their duty head, the
 * site's contacts. Each part is one ordinary command, so each is journaled like any other change.
 */
export function SetupDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages();
  const online = useOnline();
  const settings = useBoard((s) => s.host.settings);
  const roster = useBoard((s) => s.board.roster);
  const send = useBoardAction('send');
  const [siteName, setSiteName] = useState(settings.siteName);
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [pin, setPin] = useState('');
  const [people, setPeople] = useState<Row[]>([EMPTY_ROW]);
  const [dutyHead, setDutyHead] = useState(-1);
  const [contacts, setContacts] = useState<Row[]>(settings.contacts.length > 0 ? settings.contacts : [EMPTY_ROW]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const w = t.work;

  const named = people.filter((p) => p.name.trim() !== '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (siteName.trim() === '') return setProblem(w.required(t.plans.siteName));
    if (!settings.pinSet && !PIN.test(newPin)) return setProblem(t.plans.pinFormat);
    if (!settings.pinSet && newPin !== repeat) return setProblem(t.plans.pinMismatch);
    if (named.length === 0) return setProblem(w.required(w.onDuty));
    if (dutyHead < 0 || dutyHead >= named.length) return setProblem(w.required(w.dutyHead));
    const withPin = settings.pinSet ? { pin } : {};
    const ids = new Set(roster.map((p) => p.id));
    const added: Person[] = named.map((p, i) => {
      let n = roster.length + i + 1;
      while (ids.has(`p${n}`)) n++;
      ids.add(`p${n}`);
      return {
        id: `p${n}`,
        name: p.name.trim(),
        phone: p.number.trim(),
        department: '',
        positions: i === dutyHead ? ['dutyHead'] : ['dutyOfficer'],
      };
    });
    const steps = [
      () =>
        send({
          type: 'updateSettings',
          settings: { siteName: siteName.trim(), contacts: contacts.filter((c) => c.name.trim() !== '').map((c) => ({ ...c, note: '' })) },
          ...withPin,
        }),
      () => send({ type: 'setRoster', people: [...roster, ...added], ...withPin }),
      () => send({ type: 'handOver', incoming: added.map((p) => p.id), note: '' }),
      // last, so that the steps before need no PIN on a site without one
      ...(settings.pinSet ? [] : [() => send({ type: 'changePin', newPin })]),
    ];
    setBusy(true);
    for (const step of steps) {
      const result = await step();
      if (!result.ok) {
        setBusy(false);
        return setProblem(errorText(t, result.error));
      }
    }
    setBusy(false);
    onClose();
  };

  const rows = (list: Row[], set: (rows: Row[]) => void, kind: 'person' | 'contact') =>
    list.map((row, i) => (
      <div key={i} className="setup-form__row">
        <div className="field">
          <label htmlFor={`${id}-${kind}-${i}-name`}>{kind === 'person' ? w.personName : w.contactName}</label>
          <input
            id={`${id}-${kind}-${i}-name`}
            value={row.name}
            maxLength={100}
            onChange={(e) => set(list.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-${kind}-${i}-number`}>{kind === 'person' ? w.personPhone : w.contactNumber}</label>
          <input
            id={`${id}-${kind}-${i}-number`}
            value={row.number}
            inputMode="tel"
            maxLength={32}
            onChange={(e) => set(list.map((r, j) => (j === i ? { ...r, number: e.target.value } : r)))}
          />
        </div>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => set(list.filter((_, j) => j !== i))}
          disabled={list.length === 1}
        >
          {kind === 'person' ? w.removePerson(row.name) : w.removeContact(row.name)}
        </button>
      </div>
    ));

  return (
    <Modal title={w.setupTitle} onClose={onClose} className="modal--wide">
      <form noValidate className="setup-form" aria-label={w.setupTitle} onSubmit={submit}>
        <p>{w.setupIntro}</p>
        <div className="field">
          <label htmlFor={`${id}-site`}>{t.plans.siteName}</label>
          <input id={`${id}-site`} value={siteName} maxLength={100} onChange={(e) => setSiteName(e.target.value)} />
        </div>
        {settings.pinSet ? (
          <div className="field">
            <label htmlFor={`${id}-pin`}>{t.plans.pin}</label>
            <input id={`${id}-pin`} type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} />
          </div>
        ) : (
          <fieldset>
            <legend>{t.plans.pin}</legend>
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
          </fieldset>
        )}
        <fieldset>
          <legend>{w.onDuty}</legend>
          {rows(people, setPeople, 'person')}
          <button type="button" className="button" onClick={() => setPeople([...people, EMPTY_ROW])}>
            {w.addPerson}
          </button>
          <div className="field">
            <label htmlFor={`${id}-head`}>{w.dutyHead}</label>
            <select id={`${id}-head`} value={dutyHead} onChange={(e) => setDutyHead(Number(e.target.value))}>
              <option value={-1}>{w.choose}</option>
              {named.map((p, i) => (
                <option key={i} value={i}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>{w.siteContacts}</legend>
          {rows(contacts, setContacts, 'contact')}
          <button type="button" className="button" onClick={() => setContacts([...contacts, EMPTY_ROW])}>
            {w.addContact}
          </button>
        </fieldset>
        <div className="confirm-dialog__buttons">
          <button type="submit" className="button button--primary" disabled={!online || busy}>
            {w.saveSetup}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {w.skipSetup}
          </button>
        </div>
        {problem !== null && (
          <p role="alert" className="field-error">
            {problem}
          </p>
        )}
      </form>
    </Modal>
  );
}
