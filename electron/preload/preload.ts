import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ServerMessage } from '../core/contract/contract.js';
import { IPC_INVOKE, IPC_PUSH, KIOSK_API_KEY, type InvokeName } from '../core/contract/ipc-channels.js';
import type { ExitRequest, KioskApi, SubscriptionPush } from '../core/contract/ipc-contract.js';
import type { Result } from '../core/contract/result.js';

/**
 * The one narrow bridge between the board's pages and main. It exposes named functions on
 * `window.kioskApi` (contextBridge), never ipcRenderer itself; each function sends on exactly one
 * contract channel. Main checks sender and payload; this file only carries messages. Built as one
 * CommonJS file (sandboxed preloads cannot load ES modules or other files).
 */

const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'unavailable', message } });

/** Every call answers with a Result; a broken channel becomes `unavailable` rather than a throw. */
function invoke<T>(name: InvokeName, payload?: unknown): Promise<Result<T>> {
  const call = payload === undefined ? ipcRenderer.invoke(IPC_INVOKE[name]) : ipcRenderer.invoke(IPC_INVOKE[name], payload);
  return call.then(
    (result: Result<T>) => result,
    () => unavailable('the kiosk did not answer'),
  );
}

const listeners = new Map<string, (message: ServerMessage) => void>();
const prefix = Math.random().toString(36).slice(2, 10) || 'page';
let count = 0;

ipcRenderer.on(IPC_PUSH.message, (_event: IpcRendererEvent, push: SubscriptionPush) => {
  listeners.get(push.subscriptionId)?.(push.message);
});

const kioskApi: KioskApi = {
  sendCommand: (command) => invoke('sendCommand', command),

  subscribe(after, onMessage) {
    count += 1;
    const subscriptionId = `${prefix}-${count}`;
    // Listen before asking, so the status and catch-up that main sends at once are not missed.
    listeners.set(subscriptionId, onMessage);
    void invoke<null>('subscribe', { subscriptionId, after }).then((result) => {
      if (result.ok || !listeners.has(subscriptionId)) return;
      listeners.delete(subscriptionId);
      onMessage({ kind: 'error', error: result.error });
    });
    return () => {
      if (listeners.delete(subscriptionId)) void invoke<null>('unsubscribe', { subscriptionId });
    };
  },

  getStatus: () => invoke('getStatus'),
  requestExit: (pin) => invoke('requestExit', { pin }),

  onExitRequested(listener) {
    const forward = (_event: IpcRendererEvent, request: ExitRequest) => listener(request);
    ipcRenderer.on(IPC_PUSH.exitRequested, forward);
    return () => void ipcRenderer.removeListener(IPC_PUSH.exitRequested, forward);
  },

  getShellSettings: () => invoke('getShellSettings'),
  setShellSettings: (change) => invoke('setShellSettings', change),
  openExternal: (url) => invoke('openExternal', { url }),
};

contextBridge.exposeInMainWorld(KIOSK_API_KEY, kioskApi);
