import { useId, useState, type FormEvent } from 'react';
import { LEVEL_SCHEMES, type ChecklistStep, type IncidentType } from '../../../electron/core/plan/catalogue.js';
import type { Level } from '../../../electron/core/incident/levels.js';
import { MINUTE } from '../../../electron/core/plan/plan-schemas.js';
import {
  EMERGENCY_NUMBERS,
  POSITION_NAMES,
  POSITIONS,
  type EmergencyNumber,
  type Position,
} from '../../../electron/core/organisation/organisation.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { RowButtons } from './RowButtons.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';
import { toggled } from './toggled.js';
import { unusedId } from './unusedId.js';

interface TypeEditorProps {
  readonly type: IncidentType;
  /** a copy not yet in the catalogue: saving adds it */
  readonly isNew: boolean;
  readonly guard: Guard;
  readonly onSaved: (type: IncidentType) => void;
  readonly onCopy: (type: IncidentType) => void;
}

/**
 * One incident type as the plan has it: names, default level, the positions every incident of
 * it must fill, the site contacts shown with it, its checklist and its deadline lengths. Its
 * family, level scheme, deadline rules and escalation overrides come with the catalogue file.
 */
export function TypeEditor({ type, isNew, guard, onSaved, onCopy }: TypeEditorProps) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const setIncidentType = useBoardAction('setIncidentType');
  const [draft, setDraft] = useState<IncidentType>(type);
  const { state, busy, save } = useSave();
  const headingId = useId();

  const change = (part: Partial<IncidentType>) => setDraft((d) => ({ ...d, ...part }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(
      () => guard.guarded((pin) => setIncidentType(draft, pin)),
      t.plans.typeSaved,
      () => onSaved(draft),
    );
  };

  return (
    <form noValidate className="type-editor" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-form__title">
        {isNew ? t.plans.newType(type.name[language]) : t.plans.editType(type.name[language])}
      </h3>
      <TypeBasics draft={draft} change={change} />
      <StepsEditor steps={draft.checklist} setSteps={(update) => setDraft((d) => ({ ...d, checklist: update(d.checklist) }))} />
      <DeadlinesEditor draft={draft} change={change} />
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {isNew ? t.plans.addType : t.plans.saveType}
        </button>
        {!isNew && (
          <button type="button" className="button" onClick={() => onCopy(draft)}>
            {t.plans.copyType}
          </button>
        )}
        <SaveStatus state={state} />
      </div>
    </form>
  );
}

type Change = (part: Partial<IncidentType>) => void;

function TypeBasics({ draft, change }: { draft: IncidentType; change: Change }) {
  const t = useMessages();
  const language = useLanguage();
  const siteContacts = useBoard((s) => s.host.settings.contacts);
  // A contact removed from the settings since stays listed until it is unticked here.
  const contactNames = [...new Set([...siteContacts.map((c) => c.name), ...draft.contacts])];
  const levels: readonly Level[] = LEVEL_SCHEMES[draft.levelScheme];

  return (
    <>
      <div className="type-editor__basics">
        <label className="field">
          <span>{t.plans.typeNameZh}</span>
          <input
            value={draft.name['zh-CN']}
            required
            maxLength={100}
            lang="zh-CN"
            onChange={(e) => change({ name: { ...draft.name, 'zh-CN': e.target.value } })}
          />
        </label>
        <label className="field">
          <span>{t.plans.typeNameEn}</span>
          <input
            value={draft.name.en}
            required
            maxLength={100}
            lang="en"
            onChange={(e) => change({ name: { ...draft.name, en: e.target.value } })}
          />
        </label>
        <label className="field">
          <span>{t.plans.defaultLevel}</span>
          <select value={draft.defaultLevel} onChange={(e) => change({ defaultLevel: e.target.value as Level })}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {draft.levelScheme === 'three' ? t.levelText(l) : `${t.levelText(l)} — ${t.levelNames[l]}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="type-editor__checks">
        <legend>{t.plans.rolesToFill}</legend>
        {POSITIONS.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={draft.rolesToFill.includes(p)}
              onChange={(e) => change({ rolesToFill: toggled(POSITIONS, draft.rolesToFill, p, e.target.checked) })}
            />
            {POSITION_NAMES[p][language]}
          </label>
        ))}
      </fieldset>
      <fieldset className="type-editor__checks">
        <legend>{t.plans.typeContacts}</legend>
        {contactNames.length === 0 && <p className="muted">{t.plans.noSiteContacts}</p>}
        {contactNames.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={draft.contacts.includes(name)}
              onChange={(e) => change({ contacts: toggled(contactNames, draft.contacts, name, e.target.checked) })}
            />
            {name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

function StepsEditor({
  steps,
  setSteps,
}: {
  steps: readonly ChecklistStep[];
  setSteps: (update: (steps: readonly ChecklistStep[]) => ChecklistStep[]) => void;
}) {
  const t = useMessages();
  const language = useLanguage();
  const edit = (index: number, part: Partial<ChecklistStep>) =>
    setSteps((s) => s.map((step, i) => (i === index ? { ...step, ...part } : step)));

  return (
    <>
      <ol className="type-editor__steps" aria-label={t.plans.checklist}>
        {steps.map((step, index) => {
          const n = index + 1;
          return (
            <li key={step.id} className="step-editor">
              <span className="step-editor__n">{t.plans.stepNumber(n)}</span>
              <label className="field">
                <span>{t.plans.stepTextZh}</span>
                <input
                  value={step.text['zh-CN']}
                  required
                  maxLength={500}
                  lang="zh-CN"
                  onChange={(e) => edit(index, { text: { ...step.text, 'zh-CN': e.target.value } })}
                />
              </label>
              <label className="field">
                <span>{t.plans.stepTextEn}</span>
                <input
                  value={step.text.en}
                  required
                  maxLength={500}
                  lang="en"
                  onChange={(e) => edit(index, { text: { ...step.text, en: e.target.value } })}
                />
              </label>
              <label className="field">
                <span>{t.plans.stepRole}</span>
                <select
                  value={step.role ?? ''}
                  onChange={(e) => edit(index, { role: e.target.value === '' ? null : (e.target.value as Position) })}
                >
                  <option value="">{t.plans.none}</option>
                  {POSITIONS.map((p) => (
                    <option key={p} value={p}>
                      {POSITION_NAMES[p][language]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t.plans.stepDials}</span>
                <select
                  value={step.dials ?? ''}
                  onChange={(e) => edit(index, { dials: e.target.value === '' ? null : (e.target.value as EmergencyNumber) })}
                >
                  <option value="">{t.plans.none}</option>
                  {EMERGENCY_NUMBERS.map((number) => (
                    <option key={number} value={number}>
                      {number}
                    </option>
                  ))}
                </select>
              </label>
              <RowButtons
                index={index}
                rows={steps}
                setRows={setSteps}
                names={{ up: t.plans.moveUp(n), down: t.plans.moveDown(n), remove: t.plans.removeStep(n) }}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          setSteps((s) => [...s, { id: unusedId('step', s, s.length + 1), text: { 'zh-CN': '', en: '' }, role: null, dials: null }])
        }
      >
        {t.plans.addStep}
      </button>
    </>
  );
}

function DeadlinesEditor({ draft, change }: { draft: IncidentType; change: Change }) {
  const t = useMessages();
  const language = useLanguage();
  return (
    <>
      <h4 className="type-editor__sub">{t.plans.deadlines}</h4>
      {draft.deadlines.length === 0 ? (
        <p>{t.plans.noDeadlines}</p>
      ) : (
        <ul className="type-editor__deadlines" aria-label={t.plans.deadlines}>
          {draft.deadlines.map((d, index) => {
            const clock = d.calendar === 'clock';
            const value = clock ? Math.round(d.amount / MINUTE) : d.amount;
            return (
              <li key={d.id}>
                <label className="field field--row">
                  <span>
                    {d.name[language]} — {clock ? t.plans.deadlineAmountClock : t.plans.deadlineAmountDays}
                  </span>
                  <input
                    type="number"
                    min={0}
                    step={1}
                    value={value}
                    onChange={(e) => {
                      const n = Math.max(0, Math.floor(Number(e.target.value) || 0));
                      change({ deadlines: draft.deadlines.map((x, i) => (i === index ? { ...x, amount: clock ? n * MINUTE : n } : x)) });
                    }}
                  />
                </label>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
