import type { AppError } from '../../../electron/core/contract/result.js';
import type { Messages } from '../../i18n/messages.js';

/** The host's words for an empty field, which the board says in its own language. */
const EMPTY = new Set(['must not be empty', 'is required']);

/** The host's own message is kept (it names the rule); the code in front is in the display's language. */
export const errorText = (t: Messages, error: AppError): string =>
  error.code === 'unavailable'
    ? t.errors.unavailable
    : error.code === 'invalid' && EMPTY.has(error.message)
      ? t.work.fieldEmpty
      : `${t.errors.codes[error.code]}: ${error.message}`;
