import { z } from 'zod';
import { readableText } from '../contract/clean-text.js';
import { POSITIONS } from './organisation.js';

export const personIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_", 1 to 64 characters');

export const personSchema = z.strictObject({
  id: personIdSchema,
  name: readableText().min(1, 'must not be empty').max(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+*#() -]{0,32}$/, 'digits, spaces and + * # ( ) -, at most 32'),
  department: readableText().max(100).default(''),
  /** positions of the emergency organisation this person may hold */
  positions: z.array(z.enum(POSITIONS)).max(POSITIONS.length).default([]),
});
export const rosterSchema = z
  .array(personSchema)
  .max(2000)
  .superRefine((people, ctx) => {
    const ids = people.map((p) => p.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate person id "${id}"` });
    });
  });
export type Person = z.output<typeof personSchema>;

/** Who is on duty now, since when, and what the last handover said. */
export interface DutyShift {
  readonly onDuty: readonly string[];
  readonly since: number | null;
  readonly note: string;
}
