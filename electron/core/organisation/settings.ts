import { z } from 'zod';
import { readableText } from '../contract/clean-text.js';

/** Site settings: one schema, used for validation here and turned into conf's JSON schema. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const contactSchema = z.strictObject({
  name: readableText().min(1).max(100),
  number: z
    .string()
    .trim()
    .regex(/^[0-9+*#() -]{2,32}$/, 'digits, spaces and + * # ( ) -, 2 to 32 characters'),
  note: readableText().max(200).default(''),
});

/** Each field once, without its default, so that a patch can leave fields out. */
const fields = {
  siteName: readableText().max(100),
  language: z.enum(LANGUAGES),
  operatorName: readableText().max(100),
  contacts: z.array(contactSchema).max(200),
  /** salted hash of the operator PIN that guards plan and roster changes; '' until one is set */
  pinHash: z.string().max(200),
  /** open tel: links when a contact is called (a softphone or dialler is installed) */
  dialOut: z.boolean(),
};

export const settingsSchema = z.strictObject({
  siteName: fields.siteName.default(''),
  language: fields.language.default('zh-CN'),
  operatorName: fields.operatorName.default(''),
  contacts: fields.contacts.default([]),
  pinHash: fields.pinHash.default(''),
  dialOut: fields.dialOut.default(false),
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
export const settingsPatchSchema = z.strictObject(fields).omit({ pinHash: true }).partial();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;
