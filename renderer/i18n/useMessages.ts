import { useBoard } from '../store/context.js';
import { selectLanguage } from '../store/selectors.js';
import { MESSAGES, type Messages } from './messages.js';

export const useMessages = (): Messages => MESSAGES[useBoard(selectLanguage)];
