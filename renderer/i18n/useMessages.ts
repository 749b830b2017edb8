import { useLanguage } from '../store/context.js';
import { MESSAGES, type Messages } from './messages.js';

export const useMessages = (): Messages => MESSAGES[useLanguage()];
