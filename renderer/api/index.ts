import { createKioskBridgeTransport } from './kioskBridge.js';
import type { Transport } from './transport.js';
import { createWebSocketTransport, socketUrl } from './websocketTransport.js';

export type { Transport, TransportHandlers } from './transport.js';

/** Inside Electron the preload bridge is there; in a browser served by the host, the WebSocket. */
export function chooseTransport(): Transport {
  const api = window.kioskApi;
  return api !== undefined ? createKioskBridgeTransport(api) : createWebSocketTransport(socketUrl(window.location));
}
