import { useId, useState, type FormEvent } from 'react';
import type { CommandOutcome } from '../../../electron/core/contract/contract.js';
import type { Result } from '../../../electron/core/contract/result.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { formatTime } from '../../i18n/format.js';
import { Modal } from '../common/Modal.js';
import { CalendarSettings } from './CalendarSettings.js';
import { CatalogueSettings } from './CatalogueSettings.js';
import { ContactsSettings } from './ContactsSettings.js';
import { EscalationSettings } from './EscalationSettings.js';
import { GeneralSettings } from './GeneralSettings.js';
import { PinSettings } from './PinSettings.js';
import { RosterSettings } from './RosterSettings.js';
import { ShiftSettings } from './ShiftSettings.js';

const SECTIONS = ['general', 'contacts', 'roster', 'shift', 'catalogue', 'escalation', 'calendar', 'pin'] as const;
type Section = (typeof SECTIONS)[number];
/** The handover is the duty officer's own business; every other section changes the plan. */
const NEEDS_PIN: ReadonlySet<Section> = new Set(['general', 'contacts', 'roster', 'catalogue', 'escalation', 'calendar', 'pin']);

/** What a section gets to make a PIN-protected change: the PIN typed at unlock, and a way to lock on a refusal. */
export interface Guard {
  readonly pin: string | undefined;
  /** Runs the change; a "wrong PIN" answer locks the screen again and asks for it. */
  readonly guarded: (change: (pin: string | undefined) => Promise<Result<CommandOutcome>>) => Promise<Result<CommandOutcome>>;
}

/**
 * The settings screen. When the site has an operator PIN, it is asked for before anything that
 * changes the plan, the roster or the settings; the PIN stays in this dialog only (never in the
 * store or on disk) and the host checks it on each change.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages();
  const pinSetOnHost = useBoard((s) => s.host.settings.pinSet);
  // The host's status may lag behind a PIN set a moment ago: a "PIN required" answer is proof enough.
  const [pinRequired, setPinRequired] = useState(false);
  const pinSet = pinSetOnHost || pinRequired;
  const [section, setSection] = useState<Section>('general');
  const [pin, setPin] = useState<string | null>(null);
  const [wrongPin, setWrongPin] = useState(false);
  const tabsId = useId();
  const locked = pinSet && pin === null && NEEDS_PIN.has(section);

  const guard: Guard = {
    pin: pin ?? undefined,
    guarded: async (change) => {
      const result = await change(pin ?? undefined);
      if (!result.ok && result.error.code === 'forbidden' && result.error.field === 'pin') {
        setPin(null);
        setWrongPin(true);
        setPinRequired(true);
      }
      return result;
    },
  };

  return (
    <Modal title={t.plans.settings} onClose={onClose} className="modal--wide settings">
      <div className="settings__layout">
        <div className="settings__tabs" role="tablist" aria-label={t.plans.settings} aria-orientation="vertical">
          {SECTIONS.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              id={`${tabsId}-${s}`}
              aria-selected={section === s}
              aria-controls={`${tabsId}-panel`}
              className="settings__tab"
              onClick={() => setSection(s)}
            >
              {t.plans.sections[s]}
            </button>
          ))}
          {pinSet && pin !== null && (
            <button type="button" className="button button--quiet settings__lock" onClick={() => setPin(null)}>
              {t.plans.lock}
            </button>
          )}
        </div>
        <div className="settings__panel" role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={`${tabsId}-${section}`}>
          {!pinSet && section !== 'shift' && <p className="settings__warning">{t.plans.noPinWarning}</p>}
          {locked && (
            <PinGate
              wrong={wrongPin}
              onUnlock={(value) => {
                setPin(value);
                setWrongPin(false);
              }}
            />
          )}
          {/* Behind the PIN prompt the section stays as it was (edits are kept), but cannot be used. */}
          <div className={locked ? 'settings__section settings__section--locked' : 'settings__section'} inert={locked}>
            {section === 'general' && <GeneralSettings guard={guard} />}
            {section === 'contacts' && <ContactsSettings guard={guard} />}
            {section === 'roster' && <RosterSettings guard={guard} />}
            {section === 'shift' && <ShiftSettings />}
            {section === 'catalogue' && <CatalogueSettings guard={guard} />}
            {section === 'escalation' && <EscalationSettings guard={guard} />}
            {section === 'calendar' && <CalendarSettings guard={guard} />}
            {section === 'pin' && (
              <PinSettings
                guard={guard}
                pinSet={pinSet}
                onChanged={(newPin) => {
                  setPin(newPin);
                  setPinRequired(true);
                }}
              />
            )}
          </div>
        </div>
      </div>
    </Modal>
  );
}

/** Why the PIN prompt asks again: wrong, or too many wrong in a row (with when to try again). */
type PinProblem = { readonly kind: 'wrong' } | { readonly kind: 'locked'; readonly until: number } | { readonly kind: 'empty' };

/** Asks the host at once whether the PIN is right; wrong ones are counted and slowed down there. */
function PinGate({ wrong, onUnlock }: { wrong: boolean; onUnlock: (pin: string) => void }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const verifyPin = useBoardAction('verifyPin');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PinProblem | null>(wrong ? { kind: 'wrong' } : null);
  const id = useId();
  const errorId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (value === '') return setProblem({ kind: 'empty' });
    setBusy(true);
    const result = await verifyPin(value);
    setBusy(false);
    if (result.ok) return onUnlock(value);
    const { code, retryAt } = result.error;
    setValue('');
    setProblem(code === 'rate_limited' && retryAt !== undefined ? { kind: 'locked', until: retryAt } : { kind: 'wrong' });
  };
  const message =
    problem === null
      ? null
      : problem.kind === 'empty'
        ? t.work.required(t.plans.pin)
        : problem.kind === 'locked'
          ? t.work.pinLocked(formatTime(problem.until, language))
          : t.work.pinWrongCount;
  return (
    <form noValidate className="pin-gate" aria-label={t.plans.unlock} onSubmit={submit}>
      <p>{t.plans.pinPrompt}</p>
      <label htmlFor={id}>{t.plans.pin}</label>
      <input
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        autoFocus
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? errorId : undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={!online || busy}>
        {t.plans.unlock}
      </button>
      {message !== null && (
        <p id={errorId} role="alert" className="field-error">
          {message}
        </p>
      )}
    </form>
  );
}
