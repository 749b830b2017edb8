import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import type { Catalogue, ChecklistStep, IncidentType } from '../../../electron/core/catalogue.js';
import { exportCatalogue, parseCatalogueFile, type CatalogueProblem } from '../../../electron/core/catalogue-file.js';
import { EMERGENCY_NUMBERS, POSITION_NAMES, POSITIONS, type EmergencyNumber, type Position } from '../../../electron/core/organisation.js';
import { useMessages } from '../../i18n/useMessages.js';
import { downloadText } from '../../report/download.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { SaveStatus, type SaveState } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';

const MINUTE = 60_000;

/** A step id not used yet in the type: step-1, step-2, ... */
export function newStepId(steps: readonly { readonly id: string }[]): string {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n += 1;
  return `step-${n}`;
}

/** Moves item `index` by `by` places, if it stays in the list. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** The plan catalogue: the types, one type's checklist and deadlines, and the catalogue file. */
export function CatalogueSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const language = useLanguage();
  const catalogue = useBoard((s) => s.board.plan.catalogue);
  const [editing, setEditing] = useState<string | null>(null);
  const type = editing === null ? undefined : catalogue.find((c) => c.id === editing);
  const listId = useId();

  return (
    <div className="catalogue">
      <CatalogueFile guard={guard} catalogue={catalogue} />
      <h3 id={listId} className="settings-form__title">
        {t.plans.catalogueTypes}
      </h3>
      <ul className="catalogue__types" aria-labelledby={listId}>
        {catalogue.map((c) => (
          <li key={c.id}>
            <button type="button" className="catalogue__type" aria-pressed={editing === c.id} onClick={() => setEditing(editing === c.id ? null : c.id)}>
              <span>{c.name[language]}</span>
              <span className="muted">
                {' '}
                · {c.checklist.length} · {t.levelText(c.defaultLevel)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {type !== undefined && <TypeEditor key={type.id} type={type} guard={guard} />}
    </div>
  );
}

function CatalogueFile({ guard, catalogue }: { guard: Guard; catalogue: Catalogue }) {
  const t = useMessages();
  const online = useOnline();
  const setCatalogue = useBoardAction('setCatalogue');
  const [problems, setProblems] = useState<readonly CatalogueProblem[]>([]);
  const [ready, setReady] = useState<Catalogue | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setState({ kind: 'idle' });
    setReady(null);
    setProblems([]);
    if (file === undefined) return;
    const parsed = parseCatalogueFile(await file.text());
    if (parsed.ok) setReady(parsed.value);
    else setProblems(parsed.problems);
    event.target.value = '';
  };
  const replace = async () => {
    if (ready === null) return;
    setBusy(true);
    const result = await guard.guarded((pin) => setCatalogue(ready, pin));
    setBusy(false);
    if (result.ok) {
      setReady(null);
      setState({ kind: 'saved', text: t.plans.catalogueReplaced });
    } else {
      setState({ kind: 'error', error: result.error });
    }
  };

  return (
    <div className="catalogue-file">
      <div className="catalogue-file__row">
        <input id={fileId} type="file" accept="application/json,.json" className="file-input" onChange={pick} />
        <label htmlFor={fileId} className="button">
          {t.plans.importCatalogue}
        </label>
        <button type="button" className="button" onClick={() => downloadText('catalogue.json', exportCatalogue(catalogue), 'application/json')}>
          {t.plans.exportCatalogue}
        </button>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="import-problems">
          <p>{t.plans.importProblems(problems.length)}</p>
          <ol>
            {problems.map((p, i) => (
              <li key={i}>
                <strong>{t.plans.problemAt(p.line, p.field)}</strong>: {p.message}
              </li>
            ))}
          </ol>
        </div>
      )}
      {ready !== null && (
        <div className="import-ready">
          <p>{t.plans.importReady(ready.length)}</p>
          <button type="button" className="button button--primary" disabled={!online || busy} onClick={replace}>
            {t.plans.replaceCatalogue}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setReady(null)}>
            {t.cancel}
          </button>
        </div>
      )}
      <SaveStatus state={state} />
    </div>
  );
}

/** One type's checklist steps and deadline lengths; the rest of the type is kept as it is. */
function TypeEditor({ type, guard }: { type: IncidentType; guard: Guard }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const setIncidentType = useBoardAction('setIncidentType');
  const [steps, setSteps] = useState<ChecklistStep[]>(() => type.checklist.map((s) => ({ ...s, text: { ...s.text } })));
  const [deadlines, setDeadlines] = useState(() => type.deadlines.map((d) => ({ ...d })));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const headingId = useId();

  const edit = (index: number, change: Partial<ChecklistStep>) => setSteps((s) => s.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await guard.guarded((pin) => setIncidentType({ ...type, checklist: steps, deadlines }, pin));
    setBusy(false);
    setState(result.ok ? { kind: 'saved', text: t.plans.typeSaved } : { kind: 'error', error: result.error });
  };

  return (
    <form className="type-editor" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId} className="settings-form__title">
        {t.plans.editType(type.name[language])}
      </h3>
      <ol className="type-editor__steps" aria-label={t.plans.checklist}>
        {steps.map((step, index) => {
          const n = index + 1;
          return (
            <li key={step.id} className="step-editor">
              <span className="step-editor__n">{t.plans.stepNumber(n)}</span>
              <label className="field">
                <span>{t.plans.stepTextZh}</span>
                <input value={step.text['zh-CN']} required maxLength={500} lang="zh-CN" onChange={(e) => edit(index, { text: { ...step.text, 'zh-CN': e.target.value } })} />
              </label>
              <label className="field">
                <span>{t.plans.stepTextEn}</span>
                <input value={step.text.en} required maxLength={500} lang="en" onChange={(e) => edit(index, { text: { ...step.text, en: e.target.value } })} />
              </label>
              <label className="field">
                <span>{t.plans.stepRole}</span>
                <select value={step.role ?? ''} onChange={(e) => edit(index, { role: e.target.value === '' ? null : (e.target.value as Position) })}>
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
                <select value={step.dials ?? ''} onChange={(e) => edit(index, { dials: e.target.value === '' ? null : (e.target.value as EmergencyNumber) })}>
                  <option value="">{t.plans.none}</option>
                  {EMERGENCY_NUMBERS.map((number) => (
                    <option key={number} value={number}>
                      {number}
                    </option>
                  ))}
                </select>
              </label>
              <span className="step-editor__buttons">
                <button type="button" className="button button--quiet" aria-label={t.plans.moveUp(n)} disabled={index === 0} onClick={() => setSteps((s) => move(s, index, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t.plans.moveDown(n)}
                  disabled={index === steps.length - 1}
                  onClick={() => setSteps((s) => move(s, index, 1))}
                >
                  ↓
                </button>
                <button type="button" className="button button--quiet" aria-label={t.plans.removeStep(n)} onClick={() => setSteps((s) => s.filter((_, i) => i !== index))}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => setSteps((s) => [...s, { id: newStepId(s), text: { 'zh-CN': '', en: '' }, role: null, dials: null }])}
      >
        {t.plans.addStep}
      </button>
      <h4 className="type-editor__sub">{t.plans.deadlines}</h4>
      {deadlines.length === 0 ? (
        <p>{t.plans.noDeadlines}</p>
      ) : (
        <ul className="type-editor__deadlines" aria-label={t.plans.deadlines}>
          {deadlines.map((d, index) => {
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
                      setDeadlines((list) => list.map((x, i) => (i === index ? { ...x, amount: clock ? n * MINUTE : n } : x)));
                    }}
                  />
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.saveType}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
