import { useId, useState, type FormEvent } from 'react';
import { LANGUAGES, type Language } from '../../../electron/core/organisation/settings.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useOnline } from '../../store/context.js';
import { SaveStatus, useSave } from './SaveStatus.js';
import type { Guard } from './SettingsDialog.js';

/** Site name, default language, a site-wide operator name, and whether clicking a number dials. */
export function GeneralSettings({ guard }: { guard: Guard }) {
  const t = useMessages();
  const online = useOnline();
  const settings = useBoard((s) => s.host.settings);
  const updateSettings = useBoardAction('updateSettings');
  const [siteName, setSiteName] = useState(settings.siteName);
  const [language, setLanguage] = useState<Language>(settings.language);
  const [operatorName, setOperatorName] = useState(settings.operatorName);
  const [dialOut, setDialOut] = useState(settings.dialOut);
  const { state, busy, save } = useSave();
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The whole public settings go along: the core fills a field left out of a patch with its
    // default (settingsPatchSchema), which would wipe the site contacts.
    await save(
      () => guard.guarded((pin) => updateSettings({ siteName, language, operatorName, dialOut, contacts: settings.contacts }, pin)),
      t.plans.saved,
    );
  };

  return (
    <form noValidate className="settings-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-site`}>{t.plans.siteName}</label>
        <input id={`${id}-site`} value={siteName} maxLength={100} onChange={(e) => setSiteName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t.plans.defaultLanguage}</label>
        <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t.plans.languageNames[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-op`}>{t.plans.operatorName}</label>
        <input id={`${id}-op`} value={operatorName} maxLength={100} onChange={(e) => setOperatorName(e.target.value)} />
      </div>
      <div className="field field--inline">
        <input id={`${id}-dial`} type="checkbox" checked={dialOut} onChange={(e) => setDialOut(e.target.checked)} />
        <label htmlFor={`${id}-dial`}>{t.plans.dialOut}</label>
      </div>
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={!online || busy}>
          {t.plans.save}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
