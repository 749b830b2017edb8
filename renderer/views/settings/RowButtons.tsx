import { move } from './move.js';

interface RowButtonsProps<T> {
  readonly index: number;
  readonly rows: readonly T[];
  readonly setRows: (update: (rows: readonly T[]) => T[]) => void;
  /** accessible names: "Move step 2 up", "Remove tier 3", ... */
  readonly names: { readonly up: string; readonly down: string; readonly remove: string };
  /** a list that must keep one row (an escalation ladder) */
  readonly keepOne?: boolean;
}

/** Up, down and remove for one row of an editable list. */
export function RowButtons<T>({ index, rows, setRows, names, keepOne = false }: RowButtonsProps<T>) {
  return (
    <span className="step-editor__buttons">
      <button
        type="button"
        className="button button--quiet"
        aria-label={names.up}
        disabled={index === 0}
        onClick={() => setRows((r) => move(r, index, -1))}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-label={names.down}
        disabled={index === rows.length - 1}
        onClick={() => setRows((r) => move(r, index, 1))}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--quiet"
        aria-label={names.remove}
        disabled={keepOne && rows.length === 1}
        onClick={() => setRows((r) => r.filter((_, i) => i !== index))}
      >
        ✕
      </button>
    </span>
  );
}
