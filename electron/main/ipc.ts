import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { parseCommand, zodFailure } from '../core/contract/commands.js';
import type { HostStatus, ServerMessage } from '../core/contract/contract.js';
import {
  IPC_INVOKE,
  IPC_PAYLOADS,
  IPC_PUSH,
  type InvokeName,
  type InvokePayload,
  type ShellSettingsView,
  type SubscriptionPush,
} from '../core/contract/ipc-contract.js';
import { fail, ok, type Result } from '../core/contract/result.js';
import type { CommandBus } from '../services/command-bus.js';
import type { Logger } from '../services/logger.js';
import { checkSender } from './sender-policy.js';

export interface IpcServices {
  readonly bus: Pick<CommandBus, 'execute' | 'subscribe'>;
  readonly status: () => HostStatus;
  /** status() changes (a storage fault appears or clears) go to every subscription as a fresh status */
  readonly onStatusChange?: (listener: () => void) => () => void;
  readonly requestExit: (pin: string) => Result<null>;
  readonly getShellSettings: () => ShellSettingsView;
  readonly setShellSettings: (change: InvokePayload<'setShellSettings'>) => Promise<Result<ShellSettingsView>>;
  readonly openExternal: (url: string) => Promise<Result<null>>;
  readonly log: Logger;
}

/** A view needs one subscription; a few more cover a reload racing the old page's teardown. */
export const MAX_SUBSCRIPTIONS_PER_PAGE = 4;

type Handler<K extends InvokeName> = (
  payload: InvokePayload<K>,
  raw: unknown,
  event: IpcMainInvokeEvent,
) => Result<unknown> | Promise<Result<unknown>>;
type Handlers = { readonly [K in InvokeName]: Handler<K> };

export interface IpcBinding {
  /** open subscriptions, all pages together */
  subscriptionCount(): number;
  dispose(): void;
}

/**
 * Binds exactly the contract's channels. Every message is checked first for its sender (the app's
 * origin, a top-level frame) and then for its payload (the contract's zod schema); a refusal is
 * answered as a Result, never thrown, and nothing reaches the services.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, services: IpcServices): IpcBinding {
  const { log } = services;
  const pages = new Map<number, Map<string, () => void>>();

  const dropPage = (id: number): void => {
    const subscriptions = pages.get(id);
    if (subscriptions === undefined) return;
    pages.delete(id);
    for (const unsubscribe of subscriptions.values()) unsubscribe();
  };

  // A page's subscriptions end with the page: reload, navigation, crash or a closed window.
  const watchPage = (contents: WebContents): void => {
    contents.once('destroyed', () => dropPage(contents.id));
    contents.on('render-process-gone', () => dropPage(contents.id));
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) dropPage(contents.id);
    });
  };

  const handlers: Handlers = {
    // The bus parses the raw command itself (the one path every change takes); the schema check
    // above only turned a malformed message away early, with the same error the bus would give.
    sendCommand: (_command, raw) => services.bus.execute(raw),

    subscribe: ({ subscriptionId, after }, _raw, event) => {
      const contents = event.sender;
      let subscriptions = pages.get(contents.id);
      if (subscriptions === undefined) {
        subscriptions = new Map();
        pages.set(contents.id, subscriptions);
        watchPage(contents);
      }
      if (subscriptions.has(subscriptionId)) return fail('conflict', 'this subscription id is already in use', 'subscriptionId');
      if (subscriptions.size >= MAX_SUBSCRIPTIONS_PER_PAGE) {
        return fail('rate_limited', `at most ${MAX_SUBSCRIPTIONS_PER_PAGE} subscriptions per page`, 'subscriptionId');
      }
      const push = (message: ServerMessage): void => {
        if (contents.isDestroyed()) return;
        const payload: SubscriptionPush = { subscriptionId, message };
        contents.send(IPC_PUSH.message, payload);
      };
      push({ kind: 'status', status: services.status() });
      const fromBus = services.bus.subscribe(after, push);
      const fromStatus = services.onStatusChange?.(() => push({ kind: 'status', status: services.status() }));
      subscriptions.set(subscriptionId, () => {
        fromBus();
        fromStatus?.();
      });
      return ok(null);
    },

    unsubscribe: ({ subscriptionId }, _raw, event) => {
      const subscriptions = pages.get(event.sender.id);
      const unsubscribe = subscriptions?.get(subscriptionId);
      if (subscriptions === undefined || unsubscribe === undefined) return fail('not_found', 'no such subscription', 'subscriptionId');
      subscriptions.delete(subscriptionId);
      unsubscribe();
      return ok(null);
    },

    getStatus: () => ok(services.status()),
    requestExit: ({ pin }) => services.requestExit(pin),
    getShellSettings: () => ok(services.getShellSettings()),
    setShellSettings: (change) => services.setShellSettings(change),
    openExternal: ({ url }) => services.openExternal(url),
  };

  const names = Object.keys(IPC_INVOKE) as InvokeName[];
  for (const name of names) {
    const channel = IPC_INVOKE[name];
    const handler = handlers[name] as Handler<InvokeName>;
    const schema = IPC_PAYLOADS[name];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
      const sender = checkSender(event.senderFrame);
      if (!sender.ok) {
        log.warn(`IPC ${channel} refused: ${sender.why}`);
        return fail('forbidden', 'this frame may not use the kiosk API');
      }
      if (args.length > 1) return fail('invalid', 'one argument at most');
      const parsed = validate(name, schema, args[0]);
      if (!parsed.ok) {
        log.warn(`IPC ${channel} refused: ${parsed.error.code} ${parsed.error.field ?? 'payload'}`);
        return parsed;
      }
      try {
        return await handler(parsed.value as InvokePayload<InvokeName>, args[0], event);
      } catch (error) {
        log.error(`IPC ${channel} failed`, error);
        return fail('unavailable', 'the kiosk could not answer; try again');
      }
    });
  }

  return {
    subscriptionCount: () => [...pages.values()].reduce((n, s) => n + s.size, 0),
    dispose: () => {
      for (const name of names) ipcMain.removeHandler(IPC_INVOKE[name]);
      for (const id of [...pages.keys()]) dropPage(id);
    },
  };
}

/** The payload check: commands exactly as the bus will judge them, everything else by its schema. */
function validate(name: InvokeName, schema: (typeof IPC_PAYLOADS)[InvokeName], raw: unknown): Result<unknown> {
  if (name === 'sendCommand') {
    const command = parseCommand(raw, 'ipc');
    return command.ok ? ok(raw) : command;
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  return parsed.success ? ok(parsed.data) : zodFailure(parsed.error);
}
