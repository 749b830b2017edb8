import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useLanguage } from '../../store/context.js';

/** Labelled in the language it switches to, so a reader of that language can find it. */
export function LanguageToggle() {
  const t = useMessages();
  const language = useLanguage();
  const setLanguage = useBoardAction('setLanguage');
  const other = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="language-toggle" lang={other} onClick={() => setLanguage(other)}>
      {t.otherLanguage}
    </button>
  );
}
