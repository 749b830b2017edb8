import { z } from 'zod';
import { calendarSchema } from '../plan/calendar.js';
import { LEVELS } from '../incident/levels.js';
import { catalogueSchema, incidentTypeSchema } from '../plan/catalogue.js';
import { impactSchema } from '../incident/impact.js';
import { POSITIONS } from '../organisation/organisation.js';
import { policySchema } from '../plan/plan.js';
import { reportSchema } from '../incident/report.js';
import { personIdSchema, rosterSchema } from '../organisation/roster.js';
import { settingsPatchSchema } from '../organisation/settings.js';
import { readableText } from './clean-text.js';
import { fail, ok, type Result } from './result.js';

/** 2100-01-01T00:00Z: no time the board handles lies later, so dates stay valid everywhere. */
export const LATEST_TIME = 4_102_444_800_000;

/** Limits are part of the contract; docs/api.md lists them. */
export const LIMITS = {
  id: 64,
  title: 200,
  location: 200,
  person: 100,
  text: 4000,
  reason: 1000,
  silenceMinutes: 60,
  /** ISA-18.2 shelving is always time-limited */
  shelveMinutes: 480,
} as const;

const text = (max: number) => readableText().max(max, `at most ${max} characters`);
const required = (max: number) => text(max).min(1, 'must not be empty');

export const incidentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_", 1 to 64 characters');

const base = { actor: required(LIMITS.person).optional() };
const level = z.enum(LEVELS, 'must be one of I, II, III, IV');
const minutes = (max: number) =>
  z.number('must be a number of minutes').int('whole minutes').min(1, 'at least 1 minute').max(max, `at most ${max} minutes`);
const pinSchema = z.string().regex(/^[0-9]{4,12}$/, '4 to 12 digits');
/** The operator PIN; services check it and drop it before anything is journaled. */
const pin = pinSchema.optional();
const dedup = {
  ...base,
  dedupKey: required(255),
  source: required(LIMITS.person),
};
const onIncident = { ...base, incidentId: incidentIdSchema };

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    ...base,
    type: z.literal('raiseIncident'),
    incidentId: incidentIdSchema.optional(),
    incidentType: required(LIMITS.id),
    level,
    title: required(LIMITS.title),
    location: text(LIMITS.location).default(''),
    reporter: text(LIMITS.person).default(''),
    details: text(LIMITS.text).default(''),
    drill: z.boolean('must be true or false').default(false),
  }),
  z.strictObject({ ...onIncident, type: z.literal('acknowledge') }),
  z.strictObject({ ...onIncident, type: z.literal('addNote'), text: required(LIMITS.text) }),
  z.strictObject({
    ...onIncident,
    type: z.literal('changeLevel'),
    level,
    reason: text(LIMITS.reason).default(''),
  }),
  z.strictObject({ ...onIncident, type: z.literal('resolve'), summary: text(LIMITS.text).default('') }),
  z.strictObject({ ...onIncident, type: z.literal('close') }),
  z.strictObject({ ...onIncident, type: z.literal('reopen'), reason: required(LIMITS.reason) }),
  z.strictObject({ ...onIncident, type: z.literal('escalate') }),
  z.strictObject({ ...onIncident, type: z.literal('silence'), minutes: minutes(LIMITS.silenceMinutes).default(5) }),
  z.strictObject({
    ...onIncident,
    type: z.literal('shelve'),
    reason: required(LIMITS.reason),
    minutes: minutes(LIMITS.shelveMinutes),
  }),
  z.strictObject({ ...onIncident, type: z.literal('unshelve') }),
  z.strictObject({ ...onIncident, type: z.literal('meetDeadline'), deadlineId: required(LIMITS.id) }),
  z.strictObject({
    ...onIncident,
    type: z.literal('extendDeadline'),
    deadlineId: required(LIMITS.id),
    until: z.number('epoch milliseconds').int().min(0).max(LATEST_TIME, 'before the year 2100'),
    reason: required(LIMITS.reason),
  }),
  z.strictObject({ ...onIncident, type: z.literal('waiveDeadline'), deadlineId: required(LIMITS.id), reason: required(LIMITS.reason) }),
  z.strictObject({ ...onIncident, type: z.literal('undoEscalation') }),
  z.strictObject({
    ...dedup,
    type: z.literal('triggerAlarm'),
    summary: required(LIMITS.title),
    incidentType: required(LIMITS.id).optional(),
    level: level.optional(),
    details: text(LIMITS.text).default(''),
  }),
  z.strictObject({ ...dedup, type: z.literal('acknowledgeAlarm') }),
  z.strictObject({ ...dedup, type: z.literal('resolveAlarm') }),
  z.strictObject({
    ...base,
    type: z.literal('setPolicy'),
    incidentType: required(LIMITS.id).nullable().default(null),
    level,
    policy: policySchema,
    pin,
  }),
  z.strictObject({ ...base, type: z.literal('setCalendar'), calendar: calendarSchema, pin }),
  z.strictObject({ ...base, type: z.literal('setCatalogue'), catalogue: catalogueSchema, pin }),
  z.strictObject({ ...base, type: z.literal('setIncidentType'), incidentType: incidentTypeSchema, pin }),
  z.strictObject({ ...base, type: z.literal('setRoster'), people: rosterSchema, pin }),
  z.strictObject({ ...base, type: z.literal('changePin'), pin, newPin: pinSchema }),
  /** Checks the PIN at once (unlocking the settings screen); changes nothing. */
  z.strictObject({ ...base, type: z.literal('verifyPin'), pin }),
  z.strictObject({ ...base, type: z.literal('updateSettings'), settings: settingsPatchSchema, pin }),
  z.strictObject({
    ...base,
    type: z.literal('handOver'),
    incoming: z.array(personIdSchema).min(1, 'name who takes over').max(20),
    note: text(LIMITS.text).default(''),
  }),
  z.strictObject({ ...onIncident, type: z.literal('assignRole'), position: z.enum(POSITIONS), personId: personIdSchema }),
  z.strictObject({ ...onIncident, type: z.literal('unassignRole'), position: z.enum(POSITIONS) }),
  z.strictObject({
    ...onIncident,
    type: z.literal('recordCall'),
    number: z
      .string()
      .trim()
      .regex(/^[0-9+*#() -]{2,32}$/, 'digits, spaces and + * # ( ) -, 2 to 32 characters'),
    name: text(LIMITS.person).default(''),
  }),
  z.strictObject({ ...onIncident, type: z.literal('checkStep'), stepId: required(LIMITS.id) }),
  z.strictObject({ ...onIncident, type: z.literal('skipStep'), stepId: required(LIMITS.id), reason: required(LIMITS.reason) }),
  z.strictObject({ ...onIncident, type: z.literal('uncheckStep'), stepId: required(LIMITS.id) }),
  z.strictObject({ ...onIncident, type: z.literal('updateImpact'), impact: impactSchema }),
  z.strictObject({ ...onIncident, type: z.literal('updateReport'), report: reportSchema }),
]);

/** Commands that change the plan or the organisation need the operator PIN (checked in services). */
export const PIN_PROTECTED = [
  'setPolicy',
  'setCalendar',
  'setCatalogue',
  'setIncidentType',
  'setRoster',
  'changePin',
  'updateSettings',
  'verifyPin',
] as const;

/**
 * Sent only by the scheduler in services, never accepted from outside: "look at the clock".
 * clockJumpMs is set when the wall clock was seen to go back.
 */
export interface TickCommand {
  readonly type: 'tick';
  readonly actor: 'system';
  readonly clockJumpMs: number;
}

/**
 * Sent only by the command bus when a PIN-protected command came with a wrong PIN, so that the
 * attempt is journaled (never the PIN itself). `client` is the sender's address or console.
 */
export interface RejectPinCommand {
  readonly type: 'rejectPin';
  readonly actor: string;
  readonly client: string;
  readonly failures: number;
  readonly lockedUntil: number | null;
}

export type CommandInput = z.input<typeof commandSchema>;
/** A validated command; the bus has filled in the actor and, for a raise, the new incident id. */
export type PublicCommand = z.output<typeof commandSchema> & { readonly actor: string };
export type Command = PublicCommand | TickCommand | RejectPinCommand;
export type CommandType = Command['type'];
export const COMMAND_TYPES = commandSchema.options.map((o) => o.shape.type.value);

/**
 * Validates untrusted input. The first problem is reported with the dotted path of the field,
 * so that a form or a script can point at it.
 */
export function parseCommand(raw: unknown, defaultActor: string): Result<PublicCommand> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('invalid', 'a command must be a JSON object', 'type');
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as string[]).includes(type)) {
    return fail('unknown_command', `unknown command type; expected one of ${COMMAND_TYPES.join(', ')}`, 'type');
  }
  const parsed = commandSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return zodFailure(parsed.error);
  return ok({ ...parsed.data, actor: parsed.data.actor ?? defaultActor });
}

export function zodFailure(error: z.ZodError): { ok: false; error: { code: 'invalid'; message: string; field: string } } {
  const issue = error.issues[0];
  if (issue === undefined) return { ok: false, error: { code: 'invalid', message: 'invalid input', field: '' } };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { ok: false, error: { code: 'invalid', field: [...path, key].join('.'), message: 'unknown field' } };
  }
  const field = path.join('.');
  // A missing field is reported alike whatever its schema: zod says invalid_type for a missing
  // string or boolean but invalid_value for a missing enum (level).
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
  const message = missing ? 'is required' : issue.message;
  return { ok: false, error: { code: 'invalid', field, message } };
}
