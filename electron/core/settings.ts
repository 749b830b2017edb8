import { z } from 'zod';

/** Site settings: one schema, used for validation here and turned into conf's JSON schema. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const contactSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  number: z
    .string()
    .trim()
    .regex(/^[0-9+*#() -]{2,32}$/, 'digits, spaces and + * # ( ) -, 2 to 32 characters'),
  note: z.string().trim().max(200).default(''),
});

export const settingsSchema = z.strictObject({
  siteName: z.string().trim().max(100).default(''),
  language: z.enum(LANGUAGES).default('zh-CN'),
  operatorName: z.string().trim().max(100).default(''),
  contacts: z.array(contactSchema).max(200).default([]),
});

export type Settings = z.output<typeof settingsSchema>;
export type Contact = z.output<typeof contactSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
