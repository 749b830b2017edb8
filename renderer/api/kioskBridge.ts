import type { ServerMessage } from '../../electron/core/contract/contract.js';
import type { KioskApi } from '../../electron/core/contract/ipc-contract.js';
import { deliver, unavailable, type Transport, type TransportHandlers } from './transport.js';

export type { KioskApi };

declare global {
  interface Window {
    /** Exposed by the Electron preload (electron/preload/preload.ts); absent in a browser. */
    readonly kioskApi?: KioskApi;
  }
}

/**
 * The Transport over the Electron preload bridge. Main holds the board, so the link cannot drop
 * while the page lives: it is up from `connect`, and a resubscribe simply asks again from the
 * store's last seq (main answers with a snapshot or the missed events).
 */
export function createKioskBridgeTransport(api: KioskApi): Transport {
  let handlers: TransportHandlers | null = null;
  let after: () => number = () => 0;
  let unsubscribe: (() => void) | null = null;

  // Commands are answered by sendCommand's promise, so replies on the stream are ignored.
  const receive = (message: ServerMessage): void => void deliver(message, handlers, 'kiosk');

  function open(): void {
    unsubscribe?.();
    unsubscribe = api.subscribe(after(), receive);
  }

  return {
    connect(newHandlers, newAfter) {
      handlers = newHandlers;
      after = newAfter;
      handlers.onConnection(true);
      open();
    },
    send: (command) => api.sendCommand(command).catch(() => unavailable('the kiosk did not answer')),
    resubscribe() {
      if (handlers !== null) open();
    },
  };
}
