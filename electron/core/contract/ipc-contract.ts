import { z } from 'zod';
import { commandSchema, type CommandInput } from './commands.js';
import type { CommandOutcome, HostStatus, ServerMessage } from './contract.js';
import type { InvokeName } from './ipc-channels.js';
import type { Result } from './result.js';
import { externalSchemeSchema, wallDisplaySchema, type ShellSettings } from '../organisation/shell-settings.js';

/**
 * The IPC contract between the Electron main process and the preload bridge: channel names,
 * payload schemas, and the one object the preload exposes (`window.kioskApi`). Main checks every
 * message against these schemas; the preload only names the channels. It carries the same
 * `ServerMessage`s as the host's WebSocket (contract.ts), so the renderer's store sees no
 * difference between the two transports.
 */

export { IPC_INVOKE, IPC_PUSH, KIOSK_API_KEY, type InvokeName } from './ipc-channels.js';

const subscriptionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "-" or "_", 1 to 64 characters');
/** The PIN is checked in main; here only its size is bounded. */
const pinText = z.string().max(64, 'at most 64 characters');
const nothing = z.undefined('this call takes no argument');

/** The schema of the one argument each channel takes. */
export const IPC_PAYLOADS = {
  sendCommand: commandSchema,
  subscribe: z.strictObject({ subscriptionId, after: z.number().int('a whole number').min(0) }),
  unsubscribe: z.strictObject({ subscriptionId }),
  getStatus: nothing,
  requestExit: z.strictObject({ pin: pinText }),
  getShellSettings: nothing,
  setShellSettings: z.strictObject({
    pin: pinText,
    wallDisplay: wallDisplaySchema.optional(),
    startAtLogin: z.boolean().optional(),
    externalSchemes: z.array(externalSchemeSchema).max(8).optional(),
  }),
  openExternal: z.strictObject({ url: z.string().min(1).max(2048) }),
} as const satisfies Record<InvokeName, z.ZodType>;

export type InvokePayload<K extends InvokeName> = z.output<(typeof IPC_PAYLOADS)[K]>;

export interface SubscriptionPush {
  readonly subscriptionId: string;
  readonly message: ServerMessage;
}

export interface ExitRequest {
  /** 'close': a window's close button or Alt+F4; 'quit': the app was asked to quit */
  readonly reason: 'close' | 'quit';
  /** wrong PINs lock the exit for a while; epoch ms when it opens again, or null */
  readonly lockedUntil: number | null;
}

export interface DisplayView {
  readonly id: number;
  readonly label: string;
  readonly primary: boolean;
  readonly width: number;
  readonly height: number;
}

export interface ShellSettingsView {
  readonly settings: ShellSettings;
  readonly displays: readonly DisplayView[];
  /** the display the wall window is on now, or null when there is no wall window */
  readonly wallDisplayInUse: number | null;
}

export type ShellSettingsChange = z.input<(typeof IPC_PAYLOADS)['setShellSettings']>;

/** What the preload exposes on `window.kioskApi`: named functions only, never ipcRenderer. */
export interface KioskApi {
  sendCommand(command: CommandInput): Promise<Result<CommandOutcome>>;
  /**
   * Receives the board after `after`: first a `status`, then a `snapshot` or the missed `events`,
   * then every new batch. Returns the unsubscribe function.
   */
  subscribe(after: number, onMessage: (message: ServerMessage) => void): () => void;
  getStatus(): Promise<Result<HostStatus>>;
  /** Checks the operator PIN in main; when it matches, the app quits. */
  requestExit(pin: string): Promise<Result<null>>;
  onExitRequested(listener: (request: ExitRequest) => void): () => void;
  getShellSettings(): Promise<Result<ShellSettingsView>>;
  setShellSettings(change: ShellSettingsChange): Promise<Result<ShellSettingsView>>;
  /** tel: links (when dialling out is enabled) and the configured safe schemes only */
  openExternal(url: string): Promise<Result<null>>;
}

/** The exact set of functions on `window.kioskApi`; tests hold the preload to it. */
export const KIOSK_API_FUNCTIONS = [
  'sendCommand',
  'subscribe',
  'getStatus',
  'requestExit',
  'onExitRequested',
  'getShellSettings',
  'setShellSettings',
  'openExternal',
] as const satisfies readonly (keyof KioskApi)[];

/** Fails to compile when KioskApi gains a function that KIOSK_API_FUNCTIONS does not list. */
export const KIOSK_API_LIST_IS_COMPLETE: [Exclude<keyof KioskApi, (typeof KIOSK_API_FUNCTIONS)[number]>] extends [never] ? true : never =
  true;
