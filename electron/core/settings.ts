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
  /** salted hash of the operator PIN that guards plan and roster changes; '' until one is set */
  pinHash: z.string().max(200).default(''),
  /** open tel: links when a contact is called (a softphone or dialler is installed) */
  dialOut: z.boolean().default(false),
});

export type Settings = z.output<typeof settingsSchema>;
export type Contact = z.output<typeof contactSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** What views may see: never the PIN hash, only whether a PIN is set. */
export type PublicSettings = Omit<Settings, 'pinHash'> & { readonly pinSet: boolean };

export function publicSettings(settings: Settings): PublicSettings {
  const { pinHash, ...rest } = settings;
  return { ...rest, pinSet: pinHash !== '' };
}

/** The settings a dispatcher may change from the app (the PIN has its own command). */
export const settingsPatchSchema = settingsSchema.omit({ pinHash: true }).partial().strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
