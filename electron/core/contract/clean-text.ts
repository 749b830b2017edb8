import { z } from 'zod';

/**
 * Text that reaches the journal, the wall and the printed report is only what a person can read:
 * terminal escape sequences, control characters (other than line breaks and tabs) and invisible
 * format characters (zero-width spaces, direction overrides) are removed, so a title made only of
 * them is empty and refused, and nothing can rewrite an operator's terminal or reorder a log line.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function cleanText(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '').replace(INVISIBLE, '');
}

/** A string field of the contract: cleaned, then trimmed; add the length limits. */
export const readableText = () => z.string().overwrite(cleanText).trim();
