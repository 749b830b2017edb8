import { useState } from 'react';
import type { AppError, Result } from '../../../electron/core/contract/result.js';
import { useMessages } from '../../i18n/useMessages.js';
import { errorText } from '../common/errorText.js';

export type SaveState =
  { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly text: string } | { readonly kind: 'error'; readonly error: AppError };

/** "Saved", or the host's refusal naming the field it found wrong. */
export function SaveStatus({ state }: { state: SaveState }) {
  const t = useMessages();
  // A wrong PIN is said by the PIN prompt that comes back; saying it twice helps nobody.
  if (state.kind === 'error' && state.error.code === 'forbidden' && state.error.field === 'pin') return null;
  if (state.kind === 'error') {
    return (
      <p role="alert" className="field-error">
        {errorText(t, state.error)}
        {state.error.field !== undefined && state.error.field !== '' && <code className="field-path"> ({state.error.field})</code>}
      </p>
    );
  }
  return (
    <p className="save-status" aria-live="polite">
      {state.kind === 'saved' ? state.text : ''}
    </p>
  );
}

/**
 * A settings form's save: busy while the host decides, then "saved" (and `onSaved`) or the
 * host's refusal; `refuse` shows a refusal found before sending.
 */
export function useSave() {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const save = async (send: () => Promise<Result<unknown>>, savedText: string, onSaved?: () => void): Promise<void> => {
    setBusy(true);
    const result = await send();
    setBusy(false);
    setState(result.ok ? { kind: 'saved', text: savedText } : { kind: 'error', error: result.error });
    if (result.ok) onSaved?.();
  };
  return {
    state,
    busy,
    save,
    refuse: (error: AppError) => setState({ kind: 'error', error }),
    reset: () => setState({ kind: 'idle' }),
  };
}
