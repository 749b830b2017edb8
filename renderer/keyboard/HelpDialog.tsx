import { useMessages } from '../i18n/useMessages.js';
import { Modal } from '../views/common/Modal.js';
import { SHORTCUTS } from './shortcuts.js';

/** The shortcut list (`?`): a modal dialog, Escape or the close button closes it. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useMessages();
  return (
    <Modal title={t.plans.shortcuts} onClose={onClose} className="modal--narrow">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' / '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{t.plans.shortcutNames[s.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="shortcuts__note">{t.plans.shortcutsNote}</p>
    </Modal>
  );
}
