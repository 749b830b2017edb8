import { useRef, useState, type FormEvent } from 'react';
import { findType, LEVEL_SCHEMES } from '../../../electron/core/plan/catalogue.js';
import { LIMITS } from '../../../electron/core/contract/commands.js';
import type { Level } from '../../../electron/core/incident/levels.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage } from '../../store/context.js';
import { selectActor } from '../../store/selectors.js';
import { errorText } from '../common/errorText.js';

const FIELDS = ['incidentType', 'level', 'title', 'location', 'reporter', 'details', 'drill'] as const;
type Field = (typeof FIELDS)[number];
const isField = (name: string | undefined): name is Field => (FIELDS as readonly string[]).includes(name ?? '');

const fieldId = (field: Field) => `raise-${field}`;
const errorId = (field: Field) => `raise-${field}-error`;

/**
 * The duty officer's report. What the host refuses is shown next to the field it names, and the
 * input stays so it can be corrected; a confirmed raise clears what belonged to that incident (title,
 * location, reporter, details, drill mark) so that none of it goes out with the next, unrelated one.
 */
export function RaiseForm() {
  const t = useMessages();
  const language = useLanguage();
  const connection = useBoard((s) => s.connection.status);
  const defaultReporter = useBoard(selectActor);
  const lastError = useBoard((s) => s.ui.lastError);
  const raise = useBoardAction('raise');
  // The plan in force on the host, which the mirror carries; it starts as the shipped catalogue.
  const catalogue = useBoard((s) => s.board.plan.catalogue);

  const [incidentType, setIncidentType] = useState(catalogue[0]?.id ?? '');
  const [level, setLevel] = useState<Level>(catalogue[0]?.defaultLevel ?? 'IV');
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  // null until edited: follows the operator's name, which may arrive after the form is drawn
  const [reporter, setReporter] = useState<string | null>(null);
  const [details, setDetails] = useState('');
  const [drill, setDrill] = useState(false);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // checked here, in the board's language, before anything is sent (never the browser's own bubble)
  const [titleMissing, setTitleMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const type = findType(catalogue, incidentType);
  // A three-level plan (一级/二级/三级) offers only I–III.
  const levels = LEVEL_SCHEMES[type?.levelScheme ?? 'four'];
  const error = lastError?.command === 'raiseIncident' ? lastError.error : null;
  const errorField = isField(error?.field) ? error?.field : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnnouncement('');
    if (title.trim() === '') {
      setTitleMissing(true);
      formRef.current?.querySelector<HTMLElement>(`#${fieldId('title')}`)?.focus();
      return;
    }
    setTitleMissing(false);
    setBusy(true);
    const result = await raise({
      incidentType,
      level,
      title,
      location,
      reporter: reporter ?? defaultReporter,
      details,
      drill,
    });
    setBusy(false);
    if (result.ok) {
      setTitle('');
      setLocation('');
      setReporter(null);
      setDetails('');
      // Left ticked, the next real incident could go out marked as a drill.
      setDrill(false);
      const raised = result.value.events.find((e) => e.type === 'incidentRaised');
      setAnnouncement(t.form.raised(raised?.number ?? 0));
    } else if (isField(result.error.field)) {
      formRef.current?.querySelector<HTMLElement>(`#${fieldId(result.error.field)}`)?.focus();
    }
  };

  /** Wires a control to its refusal, if the host named it. */
  const missing = (field: Field) => field === 'title' && titleMissing;
  const invalid = (field: Field) =>
    errorField === field || missing(field) ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
  const fieldError = (field: Field) =>
    missing(field) ? (
      <p id={errorId(field)} className="field-error">
        {t.work.required(t.form.title)}
      </p>
    ) : errorField === field && error !== null ? (
      <p id={errorId(field)} className="field-error">
        {errorText(t, error)}
      </p>
    ) : null;

  return (
    <form ref={formRef} className="raise-form" aria-labelledby="raise-heading" noValidate onSubmit={submit}>
      <h2 id="raise-heading" className="section-title">
        {t.raiseIncident}
      </h2>
      {connection !== 'online' && (
        <p id="raise-offline" className={`raise-form__offline raise-form__offline--${connection}`}>
          {t.form[connection]}
        </p>
      )}
      <fieldset disabled={connection !== 'online'} aria-describedby={connection === 'online' ? undefined : 'raise-offline'}>
        <div className="field">
          <label htmlFor={fieldId('incidentType')}>{t.form.incidentType}</label>
          <select
            id={fieldId('incidentType')}
            value={incidentType}
            {...invalid('incidentType')}
            onChange={(e) => {
              setIncidentType(e.target.value);
              const chosen = findType(catalogue, e.target.value);
              if (chosen !== undefined) setLevel(chosen.defaultLevel);
            }}
          >
            {catalogue.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name[language]}
              </option>
            ))}
          </select>
          {fieldError('incidentType')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('level')}>{t.form.level}</label>
          <select id={fieldId('level')} value={level} {...invalid('level')} onChange={(e) => setLevel(e.target.value as Level)}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {type?.levelScheme === 'three' ? t.levelText(l) : `${t.levelText(l)} — ${t.levelNames[l]}`}
              </option>
            ))}
          </select>
          {fieldError('level')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('title')}>{t.form.title}</label>
          <input
            id={fieldId('title')}
            value={title}
            required
            maxLength={LIMITS.title}
            {...invalid('title')}
            onChange={(e) => setTitle(e.target.value)}
          />
          {fieldError('title')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('location')}>{t.form.location}</label>
          <input
            id={fieldId('location')}
            value={location}
            maxLength={LIMITS.location}
            {...invalid('location')}
            onChange={(e) => setLocation(e.target.value)}
          />
          {fieldError('location')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('reporter')}>{t.form.reporter}</label>
          <input
            id={fieldId('reporter')}
            value={reporter ?? defaultReporter}
            maxLength={LIMITS.person}
            {...invalid('reporter')}
            onChange={(e) => setReporter(e.target.value)}
          />
          {fieldError('reporter')}
        </div>
        <div className="field">
          <label htmlFor={fieldId('details')}>{t.form.details}</label>
          <textarea
            id={fieldId('details')}
            value={details}
            rows={3}
            maxLength={LIMITS.text}
            {...invalid('details')}
            onChange={(e) => setDetails(e.target.value)}
          />
          {fieldError('details')}
        </div>
        <div className="field field--inline">
          <input id={fieldId('drill')} type="checkbox" checked={drill} {...invalid('drill')} onChange={(e) => setDrill(e.target.checked)} />
          <label htmlFor={fieldId('drill')}>{t.form.drill}</label>
          {fieldError('drill')}
        </div>
        {error !== null && errorField === undefined && (
          <p role="alert" className="field-error">
            {errorText(t, error)}
          </p>
        )}
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {t.raiseIncident}
        </button>
      </fieldset>
      <p className="raise-form__status" aria-live="polite">
        {announcement}
      </p>
    </form>
  );
}
