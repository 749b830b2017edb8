import { useId, useState } from 'react';
import { findType } from '../../../electron/core/plan/catalogue.js';
import { EMERGENCY_NUMBER_NAMES, EMERGENCY_NUMBERS } from '../../../electron/core/organisation/organisation.js';
import { isActive } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { Modal } from '../common/Modal.js';
import { useActiveIncidents, useSelectedIncident } from './useActiveIds.js';
import { useCall } from './useCall.js';

const NONE: readonly string[] = [];

interface Pending {
  readonly number: string;
  readonly name: string;
}

/**
 * 119, 110, 120 and 122 always in view, large, then the site's own contacts. A click records the
 * call on the selected incident's timeline (and dials, when the site has a dialler); without a
 * selected incident it asks which incident the call belongs to.
 */
export function EmergencyContacts() {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const siteContacts = useBoard((s) => s.host.settings.contacts);
  const dialOut = useBoard((s) => s.host.settings.dialOut);
  const selected = useSelectedIncident();
  const target = selected !== null && isActive(selected) ? selected : null;
  // The contacts the plan names for the selected incident's type come first, marked as such.
  const forType = useBoard((s) => (target === null ? NONE : (findType(s.board.plan.catalogue, target.incidentType)?.contacts ?? NONE)));
  const contacts = [...siteContacts].sort((a, b) => Number(forType.includes(b.name)) - Number(forType.includes(a.name)));
  const active = useActiveIncidents();
  const selectIncident = useBoardAction('selectIncident');
  const call = useCall();
  const [pending, setPending] = useState<Pending | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();

  const record = async (number: string, name: string, incidentId: string | null, incidentNumber: number | null) => {
    setError(null);
    const result = await call(number, name, incidentId);
    if (result === null) setAnnouncement(t.plans.callNoActive);
    else if (result.ok) setAnnouncement(t.plans.callRecorded(number, incidentNumber ?? 0));
    else setError(errorText(t, result.error));
  };

  const onCall = (number: string, name: string) => {
    if (target !== null) return void record(number, name, target.id, target.number);
    if (active.length === 0) return void record(number, name, null, null);
    setPending({ number, name });
  };

  const hint =
    target !== null
      ? t.plans.callTarget(target.number, target.title)
      : active.length === 0
        ? t.plans.callNoActive
        : t.plans.callNoSelection;

  return (
    <section className="contacts" aria-label={t.plans.contacts}>
      <h2 className="section-title">{t.plans.contacts}</h2>
      <p id={hintId} className={`contacts__hint${target === null ? ' contacts__hint--none' : ''}`}>
        {hint}
      </p>
      <ul className="contacts__emergency">
        {EMERGENCY_NUMBERS.map((number) => {
          const name = EMERGENCY_NUMBER_NAMES[number][language];
          return (
            <li key={number}>
              <button
                type="button"
                className={`emergency-number emergency-number--${number}`}
                aria-label={t.plans.callLabel(number, name)}
                aria-describedby={hintId}
                disabled={!online && !dialOut}
                onClick={() => onCall(number, EMERGENCY_NUMBER_NAMES[number][language])}
              >
                <span className="emergency-number__digits">{number}</span>
                <span className="emergency-number__name">{name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3 className="contacts__subtitle">{t.plans.siteContacts}</h3>
      {contacts.length === 0 ? (
        <p className="contacts__empty">{t.plans.noSiteContacts}</p>
      ) : (
        <ul className="contacts__site">
          {contacts.map((contact, index) => {
            const suggested = forType.includes(contact.name);
            return (
              <li key={`${contact.number}-${index}`}>
                <button
                  type="button"
                  className={`site-contact${suggested ? ' site-contact--for-type' : ''}`}
                  aria-label={`${t.plans.callLabel(contact.number, contact.name)}${suggested ? t.plans.forThisType : ''}`}
                  aria-describedby={hintId}
                  disabled={!online && !dialOut}
                  onClick={() => onCall(contact.number, contact.name)}
                >
                  <span className="site-contact__name">{contact.name}</span>
                  {suggested && <span className="site-contact__for-type">{t.plans.forThisType}</span>}
                  <span className="site-contact__number">{contact.number}</span>
                  {contact.note !== '' && <span className="site-contact__note">{contact.note}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="contacts__mode">{dialOut ? t.plans.dialOutOn : t.plans.dialOutOff}</p>
      <p className="contacts__status" aria-live="polite">
        {announcement}
      </p>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {pending !== null && (
        <Modal title={t.plans.chooseIncident(pending.number)} onClose={() => setPending(null)} className="modal--narrow">
          <ul className="choose-incident">
            {active.map((incident) => (
              <li key={incident.id}>
                <button
                  type="button"
                  className="button choose-incident__button"
                  onClick={() => {
                    const chosen = pending;
                    setPending(null);
                    selectIncident(incident.id);
                    void record(chosen.number, chosen.name, incident.id, incident.number);
                  }}
                >
                  <span className={`level-dot level-dot--${incident.level}`} aria-hidden="true" />
                  {t.incidentNumber(incident.number)} · {t.levelText(incident.level)} · {incident.title}
                  {incident.drill && ` (${t.drill})`}
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      )}
    </section>
  );
}
