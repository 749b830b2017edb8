import { useEffect, useEffectEvent } from 'react';
import { EMERGENCY_NUMBER_NAMES } from '../../electron/core/organisation/organisation.js';
import { activeIncidents } from '../../electron/core/incident/selectors.js';
import { isActive } from '../../electron/core/state.js';
import type { Messages } from '../i18n/messages.js';
import { useBoardStoreApi } from '../store/context.js';
import { selectLanguage } from '../store/selectors.js';
import { openTel } from '../views/console/dialOut.js';
import { neighbour, shortcutFor, type ShortcutAction } from './shortcuts.js';

/** Where the raise form's first field is (RaiseForm's ids). */
const RAISE_FIRST_FIELD = 'raise-incidentType';

/**
 * The dispatcher's keys, on the whole document: they act on the selected incident and are
 * ignored while a field has the focus or a dialog is open (the dialog has its own keys).
 * `announce` says what happened, for the screen reader and the sighted alike.
 */
export function useShortcuts(t: Messages, announce: (text: string) => void): void {
  // The store is read when a key comes, so a change of the board re-renders nothing here.
  const store = useBoardStoreApi();
  const run = useEffectEvent(async (action: ShortcutAction): Promise<void> => {
    const m = t;
    const say = announce;
    const s = store.getState();
    const ids = activeIncidents(s.board).map((i) => i.id);
    const selectedId = s.ui.selectedIncidentId;
    const selected = selectedId === null ? undefined : s.board.incidents[selectedId];
    switch (action.kind) {
      case 'help':
        s.openDialog('help');
        return;
      case 'raise': {
        const field = document.getElementById(RAISE_FIRST_FIELD);
        field?.scrollIntoView({ block: 'nearest' });
        field?.focus();
        return;
      }
      case 'next':
      case 'previous': {
        const id = neighbour(ids, selectedId !== null && ids.includes(selectedId) ? selectedId : null, action.kind === 'next' ? 1 : -1);
        if (id === null) return;
        s.selectIncident(id);
        const incident = s.board.incidents[id];
        if (incident !== undefined) say(m.plans.announce.selected(incident.number, incident.title));
        document.querySelector(`[data-incident-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
        return;
      }
      default:
        break;
    }
    if (selected === undefined || !isActive(selected)) {
      say(m.plans.selectFirst);
      return;
    }
    switch (action.kind) {
      case 'acknowledge': {
        const result = await s.acknowledge(selected.id);
        if (result.ok) say(m.plans.announce.acknowledged(selected.number));
        return;
      }
      case 'silence': {
        const result = await s.send({ type: 'silence', incidentId: selected.id });
        if (result.ok) say(m.plans.announce.silenced(selected.number));
        return;
      }
      case 'escalate':
        // says where it goes and asks first; the dialog offers undo afterwards
        s.askConfirm({ kind: 'escalate', incidentId: selected.id });
        return;
      case 'call': {
        if (s.host.settings.dialOut) openTel(action.number);
        const result = await s.recordCall(selected.id, action.number, EMERGENCY_NUMBER_NAMES[action.number][selectLanguage(s)]);
        if (result.ok) say(m.plans.callRecorded(action.number, selected.number));
        return;
      }
    }
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || store.getState().dialog !== null || document.querySelector('dialog[open]') !== null) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        target:
          target === null
            ? null
            : { tagName: target.tagName, isContentEditable: target.isContentEditable, type: (target as HTMLInputElement).type },
      });
      if (action === null) return;
      event.preventDefault();
      void run(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
