import { useMessages } from '../../i18n/useMessages.js';
import { useBoard } from '../../store/context.js';

/** Problems the host found on start; shown until the host stops reporting them. */
export function WarningsBanner() {
  const t = useMessages();
  const warnings = useBoard((s) => s.host.warnings);
  if (warnings.length === 0) return null;
  return (
    <div role="alert" className="warnings">
      <h2 className="warnings__title">{t.warnings.title}</h2>
      <ul>
        {warnings.map((w, index) => (
          <li key={`${w.kind}-${w.file}-${index}`}>
            <strong>{t.warnings.kinds[w.kind]}</strong>
            <span className="warnings__message">{w.message}</span>
            <span>
              {t.warnings.file}: <code>{w.file}</code>
              {w.offset !== undefined && ` (${t.warnings.offset} ${w.offset})`}
            </span>
            {w.copy !== undefined && (
              <span>
                {t.warnings.copy}: <code>{w.copy}</code>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
