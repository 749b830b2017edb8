/**
 * The IPC channel names, apart from their schemas (ipc-contract.ts) so that the sandboxed preload
 * bundle carries these few strings and nothing else: no zod, no command schemas.
 */

/** Renderer → main, request and answer (ipcRenderer.invoke / ipcMain.handle). Every answer is a Result. */
export const IPC_INVOKE = {
  sendCommand: 'kiosk:send-command',
  subscribe: 'kiosk:subscribe',
  unsubscribe: 'kiosk:unsubscribe',
  getStatus: 'kiosk:get-status',
  requestExit: 'kiosk:request-exit',
  getShellSettings: 'kiosk:get-shell-settings',
  setShellSettings: 'kiosk:set-shell-settings',
  openExternal: 'kiosk:open-external',
} as const;
export type InvokeName = keyof typeof IPC_INVOKE;

/** Main → renderer pushes (webContents.send / ipcRenderer.on). */
export const IPC_PUSH = {
  /** `{ subscriptionId, message: ServerMessage }` for one subscription */
  message: 'kiosk:message',
  /** the operator tried to close or quit: the view asks for the PIN and calls requestExit */
  exitRequested: 'kiosk:exit-requested',
} as const;

/** The name under which the preload exposes the API in the page's main world. */
export const KIOSK_API_KEY = 'kioskApi';
