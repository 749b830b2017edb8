import { EMERGENCY_NUMBERS, type EmergencyNumber } from '../../electron/core/organisation/organisation.js';

/** What a key does on the dispatcher console. */
export type ShortcutAction =
  | { readonly kind: 'raise' }
  | { readonly kind: 'acknowledge' }
  | { readonly kind: 'silence' }
  | { readonly kind: 'escalate' }
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | { readonly kind: 'call'; readonly number: EmergencyNumber }
  | { readonly kind: 'help' };

/** The shortcuts in the order the help overlay lists them: keys shown, and the message key. */
export const SHORTCUTS = [
  { keys: ['n'], action: 'raise' },
  { keys: ['a'], action: 'acknowledge' },
  { keys: ['s'], action: 'silence' },
  { keys: ['e'], action: 'escalate' },
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['1'], action: 'call119' },
  { keys: ['2'], action: 'call110' },
  { keys: ['3'], action: 'call120' },
  { keys: ['4'], action: 'call122' },
  { keys: ['?'], action: 'help' },
] as const;
export type ShortcutName = (typeof SHORTCUTS)[number]['action'];

/** The parts of a keydown that decide it; a DOM KeyboardEvent has them all. */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  /** the focused element's tag, and whether it is editable text */
  readonly target: { readonly tagName: string; readonly isContentEditable: boolean; readonly type?: string } | null;
}

const TYPING_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'number',
  'password',
  'tel',
  'url',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
  '',
]);

/** While someone types in a field (or picks in a list) the keys are theirs, not shortcuts. */
export function isTyping(target: KeyInput['target']): boolean {
  if (target === null) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TYPING_INPUT_TYPES.has((target.type ?? '').toLowerCase());
}

/** The action of a key press, or null when it is not a shortcut here. */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.altKey || input.metaKey || isTyping(input.target)) return null;
  switch (input.key) {
    case 'n':
    case 'N':
      return { kind: 'raise' };
    case 'a':
    case 'A':
      return { kind: 'acknowledge' };
    case 's':
    case 'S':
      return { kind: 'silence' };
    case 'e':
    case 'E':
      return { kind: 'escalate' };
    case 'j':
    case 'J':
    case 'ArrowDown':
      return { kind: 'next' };
    case 'k':
    case 'K':
    case 'ArrowUp':
      return { kind: 'previous' };
    case '?':
      return { kind: 'help' };
    case '1':
    case '2':
    case '3':
    case '4':
      return { kind: 'call', number: EMERGENCY_NUMBERS[Number(input.key) - 1] as EmergencyNumber };
    default:
      return null;
  }
}

/**
 * The incident after (step 1) or before (step -1) the selected one in board order, wrapping
 * round; with nothing selected, the first (or last).
 */
export function neighbour(ids: readonly string[], selected: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const index = selected === null ? -1 : ids.indexOf(selected);
  if (index === -1) return (step === 1 ? ids[0] : ids[ids.length - 1]) ?? null;
  return ids[(index + step + ids.length) % ids.length] ?? null;
}
