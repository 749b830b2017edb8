import { z } from 'zod';
import { readableText } from '../contract/clean-text.js';
import { DEFAULT_CATALOGUE } from './catalogue-defaults.js';
import { LEVELS, type Level } from '../incident/levels.js';
import { EMERGENCY_NUMBERS, POSITIONS } from '../organisation/organisation.js';
import { deadlineRulesSchema, policySchema } from './plan-schemas.js';

const textPair = z.strictObject({
  'zh-CN': readableText().min(1, 'must not be empty').max(500),
  en: readableText().min(1, 'must not be empty').max(500),
});

export const FAMILIES = ['fire', 'safety', 'facility', 'transport', 'weather', 'service', 'media', 'finance', 'external'] as const;

/** Plans grade in four levels (national practice) or three (一级/二级/三级 of many company plans). */
export const LEVEL_SCHEMES = { four: ['I', 'II', 'III', 'IV'], three: ['I', 'II', 'III'] } as const satisfies Record<
  string,
  readonly Level[]
>;

export const checklistStepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and "-", 1 to 40'),
  text: textPair,
  /** who does it, if the plan says */
  role: z.enum(POSITIONS).nullable(),
  /** the emergency number this step calls, offered as a call button */
  dials: z.enum(EMERGENCY_NUMBERS).nullable(),
});

export const incidentTypeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and "-", 1 to 40'),
    family: z.enum(FAMILIES),
    name: textPair,
    levelScheme: z.enum(['four', 'three']),
    defaultLevel: z.enum(LEVELS),
    /** which thresholds propose a level from casualties, losses or complaint facts */
    levelGuide: z.enum(['accidentGrades', 'complaint']).nullable(),
    checklist: z.array(checklistStepSchema).max(40),
    rolesToFill: z.array(z.enum(POSITIONS)).max(POSITIONS.length),
    deadlines: deadlineRulesSchema,
    /** replaces the level's default escalation policy for this type */
    escalation: z.partialRecord(z.enum(LEVELS), policySchema),
    /** names of site contacts (settings) to show with this type */
    contacts: z.array(readableText().min(1).max(100)).max(20),
  })
  .superRefine((type, ctx) => {
    if (!(LEVEL_SCHEMES[type.levelScheme] as readonly Level[]).includes(type.defaultLevel)) {
      ctx.addIssue({ code: 'custom', path: ['defaultLevel'], message: `not a level of the ${type.levelScheme}-level scheme` });
    }
    const ids = type.checklist.map((s) => s.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['checklist', i, 'id'], message: `duplicate step id "${id}"` });
    });
  });

export const catalogueSchema = z
  .array(incidentTypeSchema)
  .min(1, 'at least one incident type')
  .max(100)
  .superRefine((types, ctx) => {
    const ids = types.map((t) => t.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate incident type id "${id}"` });
    });
  });

export type ChecklistStep = z.output<typeof checklistStepSchema>;
export type IncidentType = z.output<typeof incidentTypeSchema>;
export type Catalogue = readonly IncidentType[];

export { DEFAULT_CATALOGUE };

export const findType = (catalogue: Catalogue, id: string): IncidentType | undefined => catalogue.find((t) => t.id === id);

/** What scripts need to raise an incident: the type's id, its names, and the levels it allows. */
export interface TypeSummary {
  readonly id: string;
  readonly name: IncidentType['name'];
  readonly family: IncidentType['family'];
  readonly levels: readonly Level[];
  readonly defaultLevel: Level;
}

export const typeSummaries = (catalogue: Catalogue): TypeSummary[] =>
  catalogue.map((t) => ({ id: t.id, name: t.name, family: t.family, levels: LEVEL_SCHEMES[t.levelScheme], defaultLevel: t.defaultLevel }));
