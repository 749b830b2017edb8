import { useId, useState, type FormEvent } from 'react';
import { findType } from '../../../electron/core/plan/catalogue.js';
import { LIMITS } from '../../../electron/core/contract/commands.js';
import type { Impact } from '../../../electron/core/incident/impact.js';
import { isLowering } from '../../../electron/core/incident/levels.js';
import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { proposeLevel } from './impactText.js';

const COUNTS = ['dead', 'missing', 'injured', 'seriouslyInjured'] as const;
const FLAGS = ['regulatorInvolved', 'agitated', 'blockingOrThreat'] as const;

const sameImpact = (a: Impact, b: Impact): boolean => (Object.keys(a) as (keyof Impact)[]).every((k) => a[k] === b[k]);

/**
 * Casualties, loss and (for complaints) the complaint facts; the level the type's thresholds
 * propose for the saved figures, and a button to apply it. Lowering asks for a reason.
 */
export function ImpactForm({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const type = useBoard((s) => findType(s.board.plan.catalogue, incident.incidentType));
  const updateImpact = useBoardAction('updateImpact');
  const changeLevel = useBoardAction('changeLevel');
  const lastError = useBoard((s) => s.ui.lastError);
  const [draft, setDraft] = useState<Impact>(incident.impact);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const formId = useId();
  const headingId = useId();
  const reasonId = useId();

  // A figure saved on another display replaces the form's copy, unless someone is editing here.
  // (state adjusted while rendering, as React's docs advise for a prop that changed)
  const [basis, setBasis] = useState<Impact>(incident.impact);
  if (!sameImpact(basis, incident.impact)) {
    if (sameImpact(draft, basis)) setDraft(incident.impact);
    setBasis(incident.impact);
  }

  const complaint = type?.levelGuide === 'complaint';
  const proposal = proposeLevel(type, incident.impact, t, language);
  const dirty = !sameImpact(draft, incident.impact);
  const lowering = proposal !== null && isLowering(incident.level, proposal.level);
  const closed = incident.status === 'closed';
  const error =
    lastError !== null &&
    lastError.incidentId === incident.id &&
    (lastError.command === 'updateImpact' || lastError.command === 'changeLevel')
      ? lastError.error
      : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAnnouncement('');
    const result = await updateImpact(incident.id, draft);
    setBusy(false);
    if (result.ok) setAnnouncement(t.plans.saved);
  };
  const apply = async () => {
    if (proposal === null) return;
    setBusy(true);
    const result = await changeLevel(incident.id, proposal.level, reason);
    setBusy(false);
    if (result.ok) setReason('');
  };
  const num = (key: keyof Impact, value: string) => {
    const n = value === '' ? 0 : Number(value);
    if (Number.isFinite(n) && n >= 0) setDraft((d) => ({ ...d, [key]: key === 'directLossYuan' ? n : Math.floor(n) }));
  };

  return (
    <section className="pane-section impact" aria-labelledby={headingId}>
      <h3 id={headingId} className="pane-section__title">
        {t.plans.impact}
      </h3>
      <form noValidate id={formId} className="impact__form" onSubmit={save}>
        <div className="impact__grid">
          {COUNTS.map((key) => (
            <label key={key} className="impact__field">
              <span>{t.plans.impactFields[key]}</span>
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={100000}
                step={1}
                value={draft[key]}
                onChange={(e) => num(key, e.target.value)}
              />
            </label>
          ))}
          <label className="impact__field impact__field--wide">
            <span>{t.plans.impactFields.directLossYuan}</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              step={1000}
              value={draft.directLossYuan}
              onChange={(e) => num('directLossYuan', e.target.value)}
            />
          </label>
        </div>
        {complaint && (
          <fieldset className="impact__complaint">
            <legend>{t.plans.complaintFacts}</legend>
            <label className="impact__field">
              <span>{t.plans.impactFields.complainants}</span>
              <input type="number" min={0} step={1} value={draft.complainants} onChange={(e) => num('complainants', e.target.value)} />
            </label>
            <label className="impact__field">
              <span>{t.plans.impactFields.media}</span>
              <select value={draft.media} onChange={(e) => setDraft((d) => ({ ...d, media: e.target.value as Impact['media'] }))}>
                {(['none', 'city', 'provincial'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t.plans.mediaOptions[m]}
                  </option>
                ))}
              </select>
            </label>
            {FLAGS.map((key) => (
              <label key={key} className="impact__flag">
                <input type="checkbox" checked={draft[key]} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.checked }))} />
                <span>{t.plans.impactFields[key]}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="impact__actions">
          <button type="submit" className="button button--primary" disabled={!online || busy || closed || !dirty}>
            {t.plans.saveImpact}
          </button>
          <span aria-live="polite" className="impact__saved">
            {announcement}
          </span>
        </div>
      </form>
      <div className="proposal">
        {proposal === null ? (
          <p className="proposal__text">{t.plans.noGuide}</p>
        ) : (
          <>
            <p className="proposal__text">
              <strong>
                {t.plans.proposed(
                  `${t.levelText(proposal.level)}${type?.levelScheme === 'four' ? ` ${t.levelNames[proposal.level]}` : ''}`,
                )}
              </strong>{' '}
              {proposal.because.length > 0 ? t.plans.because(proposal.because.join(t.plans.listSeparator)) : t.plans.noThreshold}
            </p>
            <p className="proposal__rule">{t.plans.higherRule}</p>
            {dirty && <p className="proposal__rule">{t.plans.unsavedFigures}</p>}
            {proposal.level === incident.level ? (
              <p className="proposal__match">{t.plans.levelMatches}</p>
            ) : (
              <div className="proposal__apply">
                {lowering && (
                  <label htmlFor={reasonId} className="proposal__reason">
                    <span>{t.plans.lowerReason}</span>
                    <input id={reasonId} value={reason} maxLength={LIMITS.reason} onChange={(e) => setReason(e.target.value)} />
                  </label>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={!online || busy || closed || (lowering && reason.trim() === '')}
                  onClick={apply}
                >
                  {t.plans.applyLevel(t.levelText(proposal.level))}
                </button>
              </div>
            )}
          </>
        )}
      </div>
      {error !== null && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}
