import { useId } from 'react';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction } from '../../store/context.js';

/** Who is at this display. A site-wide operator name, when set, is shown instead of asked for. */
export function OperatorField() {
  const t = useMessages();
  const siteOperator = useBoard((s) => s.host.settings.operatorName);
  const operator = useBoard((s) => s.ui.operator);
  const setOperator = useBoardAction('setOperator');
  const id = useId();
  if (siteOperator.trim() !== '') {
    return (
      <span className="operator">
        {t.operator}: <strong>{siteOperator}</strong>
      </span>
    );
  }
  return (
    <span className="operator">
      <label htmlFor={id}>{t.operator}</label>
      <input
        id={id}
        value={operator}
        maxLength={100}
        placeholder={t.operatorPlaceholder}
        autoComplete="name"
        onChange={(e) => setOperator(e.target.value)}
      />
    </span>
  );
}
