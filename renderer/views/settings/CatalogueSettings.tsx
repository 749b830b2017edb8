import { useId, useState, type ChangeEvent } from 'react';
import type { Catalogue, IncidentType } from '../../../electron/core/plan/catalogue.js';
import { exportCatalogue, parseCatalogueFile, type CatalogueProblem } from '../../../electron/core/plan/catalogue-file.js';
import { useMessages } from '../../i18n/useMessages.js';
import { downloadText } from '../../report/download.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';
import { TypeEditor } from './TypeEditor.js';
import { unusedId } from './unusedId.js';

interface Draft {
  readonly type: IncidentType;
  readonly isNew: boolean;
}

/** The plan catalogue: the types, one type in the editor, and the catalogue file. */
export function CatalogueSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const language = useLanguage();
  const catalogue = useBoard((s) => s.board.plan.catalogue);
  const [draft, setDraft] = useState<Draft | null>(null);
  const listId = useId();

  const copy = (type: IncidentType) =>
    setDraft({
      type: {
        ...type,
        id: unusedId('custom', catalogue),
        name: { 'zh-CN': t.plans.copyName(type.name['zh-CN']), en: t.plans.copyName(type.name.en) },
      },
      isNew: true,
    });

  return (
    <div className="catalogue">
      <CatalogueFile guard={guard} catalogue={catalogue} />
      <h3 id={listId} className="settings-form__title">
        {t.plans.catalogueTypes}
      </h3>
      <ul className="catalogue__types" aria-labelledby={listId}>
        {catalogue.map((c) => {
          const open = draft !== null && !draft.isNew && draft.type.id === c.id;
          return (
            <li key={c.id}>
              <button
                type="button"
                className="catalogue__type"
                aria-pressed={open}
                onClick={() => setDraft(open ? null : { type: c, isNew: false })}
              >
                <span>{c.name[language]}</span>
                <span className="muted">
                  {' '}
                  · {c.checklist.length} · {t.levelText(c.defaultLevel)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {draft !== null && (
        // Keyed by id: a saved new type stays in its editor (and keeps "saved") as an existing one.
        <TypeEditor
          key={draft.type.id}
          type={draft.type}
          isNew={draft.isNew}
          guard={guard}
          onSaved={(type) => setDraft({ type, isNew: false })}
          onCopy={copy}
        />
      )}
    </div>
  );
}

function CatalogueFile({ guard, catalogue }: { guard: Guard; catalogue: Catalogue }) {
  const t = useMessages();
  const online = useOnline();
  const setCatalogue = useBoardAction('setCatalogue');
  const [problems, setProblems] = useState<readonly CatalogueProblem[]>([]);
  const [ready, setReady] = useState<Catalogue | null>(null);
  const { state, busy, save, reset } = useSave();
  const fileId = useId();

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    reset();
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
    await save(
      () => guard.guarded((pin) => setCatalogue(ready, pin)),
      t.plans.catalogueReplaced,
      () => setReady(null),
    );
  };

  return (
    <div className="catalogue-file">
      <div className="catalogue-file__row">
        <input id={fileId} type="file" accept="application/json,.json" className="file-input" onChange={pick} />
        <label htmlFor={fileId} className="button">
          {t.plans.importCatalogue}
        </label>
        <button
          type="button"
          className="button"
          onClick={() => downloadText('catalogue.json', exportCatalogue(catalogue), 'application/json')}
        >
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
