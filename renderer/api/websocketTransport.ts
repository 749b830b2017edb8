import { API, type ClientMessage, type CommandOutcome, type ServerMessage } from '../../electron/core/contract/contract.js';
import type { Result } from '../../electron/core/contract/result.js';
import { deliver, unavailable, type Transport, type TransportHandlers } from './transport.js';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;

/** ws(s)://<host>/api/v1/socket, passing on the page's ?token= so LAN displays can authenticate. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = new URLSearchParams(location.search).get('token');
  const query = token === null || token === '' ? '' : `?token=${encodeURIComponent(token)}`;
  return `${scheme}//${location.host}${API.socket}${query}`;
}

type SocketFactory = (url: string) => WebSocket;

/**
 * Talks to the host over one WebSocket, reconnecting by itself with a growing delay. Each
 * (re)connection subscribes after the store's last seq, so the host sends a snapshot or the missed
 * events. Commands are answered by the host's `reply` carrying the same requestId.
 */
export function createWebSocketTransport(url: string, openSocket: SocketFactory = (u) => new WebSocket(u)): Transport {
  let handlers: TransportHandlers | null = null;
  let after: () => number = () => 0;
  let socket: WebSocket | null = null;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const pending = new Map<string, (result: Result<CommandOutcome>) => void>();
  const requestPrefix = Math.random().toString(36).slice(2, 8);
  let requestCount = 0;

  const write = (ws: WebSocket, message: ClientMessage): void => ws.send(JSON.stringify(message));

  function failPending(message: string): void {
    for (const resolve of pending.values()) resolve(unavailable(message));
    pending.clear();
  }

  function open(): void {
    retryTimer = undefined;
    const ws = openSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = FIRST_RETRY_MS;
      handlers?.onConnection(true);
      write(ws, { kind: 'subscribe', after: after() });
    };
    ws.onmessage = (event: MessageEvent) => {
      if (socket === ws) receive(String(event.data));
    };
    // A failed attempt and a dropped connection both end here (error is always followed by close).
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending('the connection to the host was lost before it answered');
      handlers?.onConnection(false);
      retryTimer = setTimeout(open, retryMs);
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    };
  }

  function receive(data: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      console.warn('ignored a message from the host that is not JSON');
      return;
    }
    const reply = deliver(message, handlers, 'host');
    if (reply === null) return;
    const resolve = pending.get(reply.requestId);
    pending.delete(reply.requestId);
    resolve?.(reply.result);
  }

  return {
    connect(newHandlers, newAfter) {
      handlers = newHandlers;
      after = newAfter;
      if (socket === null && retryTimer === undefined) open();
    },

    send(command) {
      const ws = socket;
      if (ws === null || ws.readyState !== ws.OPEN) {
        return Promise.resolve(unavailable('not connected to the host'));
      }
      requestCount += 1;
      const requestId = `${requestPrefix}-${requestCount}`;
      return new Promise((resolve) => {
        pending.set(requestId, resolve);
        write(ws, { kind: 'command', requestId, command });
      });
    },

    resubscribe() {
      const ws = socket;
      // Without an open socket the next connection subscribes from the store's seq anyway.
      if (ws === null || ws.readyState !== ws.OPEN) return;
      socket = null;
      ws.close();
      failPending('the connection was renewed before the host answered; check the board before retrying');
      open();
    },
  };
}
