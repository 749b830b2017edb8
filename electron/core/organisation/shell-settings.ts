import { z } from 'zod';

/**
 * Settings of the desktop shell itself (which screen shows the wall, start at login, which link
 * schemes may leave the app, the alarm intake port). They live beside the site settings in their
 * own file (`kiosk-shell.json`), because the site settings schema is strict and shared with host
 * mode, where none of these mean anything.
 */

/** 'auto': the first screen that is not the console's; 'off': no wall window; a number: that display id. */
export const wallDisplaySchema = z.union([z.literal('auto'), z.literal('off'), z.number().int().min(0)]);
export type WallDisplay = z.output<typeof wallDisplaySchema>;

/** A URL scheme an operator may allow besides tel:, e.g. "sip" or "callto"; never web or file schemes. */
export const FORBIDDEN_EXTERNAL_SCHEMES = [
  'http',
  'https',
  'file',
  'ftp',
  'smb',
  'javascript',
  'data',
  'blob',
  'vbscript',
  'about',
  'chrome',
  'devtools',
  'app',
  'ms-msdt',
  'search-ms',
] as const;

export const externalSchemeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9+.-]{0,31}$/, 'a lower-case URL scheme without the colon')
  .refine((s) => !(FORBIDDEN_EXTERNAL_SCHEMES as readonly string[]).includes(s) && !s.startsWith('ms-'), 'this scheme may not be opened');

export const shellSettingsSchema = z.strictObject({
  wallDisplay: wallDisplaySchema.default('auto'),
  startAtLogin: z.boolean().default(true),
  externalSchemes: z.array(externalSchemeSchema).max(8).default([]),
  /** loopback port of the alarm intake endpoint; 0 turns the endpoint off */
  alarmIntakePort: z.number().int().min(0).max(65535).default(8123),
});

export type ShellSettings = z.output<typeof shellSettingsSchema>;
export const DEFAULT_SHELL_SETTINGS: ShellSettings = shellSettingsSchema.parse({});

/** The JSON schema electron-store checks the file against (same construction as the site settings). */
export function shellSettingsJsonSchema(): { properties: Record<string, object>; root: object } {
  const schema = z.toJSONSchema(shellSettingsSchema, { target: 'draft-2020-12', io: 'input' }) as {
    properties: Record<string, object>;
  };
  return { properties: schema.properties, root: { additionalProperties: false } };
}

/** Reads whatever the store holds; a value that breaks the schema falls back to the defaults. */
export function readShellSettings(raw: unknown): { settings: ShellSettings; problem: string | null } {
  const parsed = shellSettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problem: null };
  const issue = parsed.error.issues[0];
  return { settings: DEFAULT_SHELL_SETTINGS, problem: `field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}
