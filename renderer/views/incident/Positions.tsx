import { useId, useState, type FormEvent } from 'react';
import { POSITION_NAMES, POSITIONS, type Position } from '../../../electron/core/organisation/organisation.js';
import type { Person } from '../../../electron/core/organisation/roster.js';
import type { Incident } from '../../../electron/core/state.js';
import type { Messages } from '../../i18n/messages.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { holders } from '../console/planProgress.js';
import { errorText } from '../common/errorText.js';

/** People who may hold the position first, then everyone else: both can be chosen. */
export function candidates(roster: readonly Person[], position: Position): { readonly fit: Person[]; readonly others: Person[] } {
  const byName = (a: Person, b: Person) => a.name.localeCompare(b.name);
  return {
    fit: roster.filter((p) => p.positions.includes(position)).sort(byName),
    others: roster.filter((p) => !p.positions.includes(position)).sort(byName),
  };
}

/**
 * The emergency organisation of this incident: the positions the plan requires (flagged while
 * nobody holds them), and any other position someone was put in. Assign, reassign, unassign.
 */
export function Positions({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const roster = useBoard((s) => s.board.roster);
  const lastError = useBoard((s) => s.ui.lastError);
  const headingId = useId();
  const held = holders(incident, roster, language);
  const shown: Position[] = [...incident.rolesToFill, ...held.map((h) => h.position).filter((p) => !incident.rolesToFill.includes(p))];
  const free = POSITIONS.filter((p) => !shown.includes(p));
  const error =
    lastError !== null &&
    lastError.incidentId === incident.id &&
    (lastError.command === 'assignRole' || lastError.command === 'unassignRole')
      ? lastError.error
      : null;

  return (
    <section className="pane-section positions" aria-labelledby={headingId}>
      <h3 id={headingId} className="pane-section__title">
        {t.plans.positions}
      </h3>
      {roster.length === 0 && <p className="positions__empty">{t.plans.noRoster}</p>}
      <ul className="positions__list">
        {shown.map((position) => (
          <PositionRow
            key={position}
            incident={incident}
            position={position}
            required={incident.rolesToFill.includes(position)}
            holderName={held.find((h) => h.position === position)?.personName ?? null}
            holderPhone={held.find((h) => h.position === position)?.phone ?? ''}
          />
        ))}
      </ul>
      {free.length > 0 && roster.length > 0 && <OtherPosition incident={incident} free={free} />}
      {error !== null && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}

function PersonOptions({ t, roster, position }: { t: Messages; roster: readonly Person[]; position: Position | null }) {
  if (position === null) return null;
  const { fit, others } = candidates(roster, position);
  const option = (p: Person) => (
    <option key={p.id} value={p.id}>
      {p.name}
      {p.department !== '' ? ` · ${p.department}` : ''}
    </option>
  );
  return (
    <>
      {fit.length > 0 && <optgroup label={t.plans.mayHold}>{fit.map(option)}</optgroup>}
      {others.length > 0 && <optgroup label={t.plans.everyoneElse}>{others.map(option)}</optgroup>}
    </>
  );
}

function PositionRow({
  incident,
  position,
  required,
  holderName,
  holderPhone,
}: {
  incident: Incident;
  position: Position;
  required: boolean;
  holderName: string | null;
  holderPhone: string;
}) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const roster = useBoard((s) => s.board.roster);
  const assignRole = useBoardAction('assignRole');
  const unassignRole = useBoardAction('unassignRole');
  const [personId, setPersonId] = useState('');
  const [busy, setBusy] = useState(false);
  const name = POSITION_NAMES[position][language];
  const disabled = !online || busy || incident.status === 'closed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (personId === '') return;
    setBusy(true);
    const result = await assignRole(incident.id, position, personId);
    setBusy(false);
    if (result.ok) setPersonId('');
  };

  return (
    <li className={`position${holderName === null && required ? ' position--unfilled' : ''}`}>
      <div className="position__who">
        <span className="position__name">{name}</span>
        {required && <span className="position__required">{t.plans.requiredByPlan}</span>}
        {holderName === null ? (
          required && <span className="chip chip--unfilled">{t.plans.unfilled}</span>
        ) : (
          <span className="position__holder">
            {holderName}
            {holderPhone !== '' && <span className="position__phone"> {holderPhone}</span>}
          </span>
        )}
      </div>
      {roster.length > 0 && (
        <form noValidate className="position__assign" onSubmit={submit}>
          <select
            aria-label={t.plans.assignRoleFor(name)}
            value={personId}
            disabled={disabled}
            onChange={(e) => setPersonId(e.target.value)}
          >
            <option value="">{t.plans.choosePerson}</option>
            <PersonOptions t={t} roster={roster} position={position} />
          </select>
          <button type="submit" className="button" disabled={disabled || personId === ''} aria-label={t.plans.assignRoleFor(name)}>
            {holderName === null ? t.plans.assign : t.plans.reassign}
          </button>
          {holderName !== null && (
            <button
              type="button"
              className="button button--quiet"
              disabled={disabled}
              aria-label={t.plans.unassignFor(name)}
              onClick={async () => {
                setBusy(true);
                await unassignRole(incident.id, position);
                setBusy(false);
              }}
            >
              {t.plans.unassign}
            </button>
          )}
        </form>
      )}
    </li>
  );
}

/** Putting someone in a position the plan did not ask for (a medical group at a fire, say). */
function OtherPosition({ incident, free }: { incident: Incident; free: readonly Position[] }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const roster = useBoard((s) => s.board.roster);
  const assignRole = useBoardAction('assignRole');
  const [position, setPosition] = useState<Position | ''>('');
  const [personId, setPersonId] = useState('');
  const [busy, setBusy] = useState(false);
  const positionId = useId();
  const personSelectId = useId();
  const disabled = !online || busy || incident.status === 'closed';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (position === '' || personId === '') return;
    setBusy(true);
    const result = await assignRole(incident.id, position, personId);
    setBusy(false);
    if (result.ok) {
      setPosition('');
      setPersonId('');
    }
  };

  return (
    <form noValidate className="positions__other" onSubmit={submit} aria-label={t.plans.otherPosition}>
      <span className="positions__other-title">{t.plans.otherPosition}</span>
      <label htmlFor={positionId} className="visually-hidden">
        {t.plans.positionLabel}
      </label>
      <select id={positionId} value={position} disabled={disabled} onChange={(e) => setPosition(e.target.value as Position | '')}>
        <option value="">{t.plans.choosePosition}</option>
        {free.map((p) => (
          <option key={p} value={p}>
            {POSITION_NAMES[p][language]}
          </option>
        ))}
      </select>
      <label htmlFor={personSelectId} className="visually-hidden">
        {t.plans.assignRole}
      </label>
      <select id={personSelectId} value={personId} disabled={disabled || position === ''} onChange={(e) => setPersonId(e.target.value)}>
        <option value="">{t.plans.choosePerson}</option>
        <PersonOptions t={t} roster={roster} position={position === '' ? null : position} />
      </select>
      <button type="submit" className="button" disabled={disabled || position === '' || personId === ''}>
        {t.plans.assignRole}
      </button>
    </form>
  );
}
