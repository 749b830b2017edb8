import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import { API, type ClientMessage, type HostStatus, type ServerMessage } from '../../electron/core/contract/contract.js';
import type { DomainEvent } from '../../electron/core/events.js';
import type { Result } from '../../electron/core/contract/result.js';
import { DEFAULT_SETTINGS as STORED_DEFAULTS, publicSettings } from '../../electron/core/organisation/settings.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import type { TransportHandlers } from '../../renderer/api/transport.js';
import { createWebSocketTransport, socketUrl } from '../../renderer/api/websocketTransport.js';

const DEFAULT_SETTINGS = publicSettings(STORED_DEFAULTS);

/** A stand-in host speaking the contract's socket protocol, so the transport is tested on a real socket. */
class TestHost {
  readonly server: WebSocketServer;
  readonly received: ClientMessage[] = [];
  private waiting: Array<() => void> = [];
  connections = 0;
  latest: NodeWebSocket | null = null;

  constructor() {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: API.socket });
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.latest = socket;
      socket.on('message', (data) => {
        this.received.push(JSON.parse(String(data)) as ClientMessage);
        this.wake();
      });
      this.wake();
    });
  }

  async url(): Promise<string> {
    if (this.server.address() === null) await new Promise((resolve) => this.server.once('listening', resolve));
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}${API.socket}`;
  }

  send(message: ServerMessage): void {
    this.latest?.send(JSON.stringify(message));
  }

  /** Resolves when the condition holds, re-checking on every connection or message. */
  until(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const check = () => (condition() ? resolve() : this.waiting.push(check));
      this.waiting.push(check);
    });
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const check of waiting) check();
  }

  close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function recorder() {
  const log = {
    statuses: [] as HostStatus[],
    snapshots: [] as BoardState[],
    events: [] as DomainEvent[][],
    connection: [] as boolean[],
  };
  const waiting: Array<() => void> = [];
  const note = () => waiting.splice(0).forEach((check) => check());
  const handlers: TransportHandlers = {
    onStatus: (s) => (log.statuses.push(s), note()),
    onSnapshot: (_seq, state) => (log.snapshots.push(state), note()),
    onEvents: (_seq, events) => (log.events.push([...events]), note()),
    onConnection: (up) => (log.connection.push(up), note()),
  };
  const until = (condition: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = () => (condition() ? resolve() : waiting.push(check));
      check();
    });
  return { log, handlers, until };
}

/** ws throws an 'error' nobody listens to; a browser socket just reports it, and close follows either way. */
function openNodeSocket(url: string): WebSocket {
  const socket = new NodeWebSocket(url);
  socket.on('error', () => undefined);
  return socket as unknown as WebSocket;
}

let host: TestHost;
afterEach(async () => {
  await host?.close();
});

describe('socketUrl', () => {
  it('uses the page host, wss on https, and passes the token on', () => {
    expect(socketUrl({ protocol: 'http:', host: '127.0.0.1:8123', search: '?lang=en' })).toBe('ws://127.0.0.1:8123/api/v1/socket');
    expect(socketUrl({ protocol: 'https:', host: 'board.local', search: '?lang=en&token=a b&x=1' })).toBe(
      'wss://board.local/api/v1/socket?token=a%20b',
    );
  });
});

describe('WebSocket transport', () => {
  it('subscribes after the store seq and passes status, snapshot and events on', async () => {
    host = new TestHost();
    const { log, handlers, until } = recorder();
    createWebSocketTransport(await host.url(), openNodeSocket).connect(handlers, () => 7);

    await host.until(() => host.received.length === 1);
    expect(host.received[0]).toEqual({ kind: 'subscribe', after: 7 });
    expect(log.connection).toEqual([true]);

    const status: HostStatus = { warnings: [], settings: DEFAULT_SETTINGS, now: 1 };
    host.send({ kind: 'status', status });
    host.send({ kind: 'snapshot', seq: 0, state: initialState });
    host.send({ kind: 'events', seq: 1, events: [] });
    await until(() => log.events.length === 1);
    expect(log.statuses).toEqual([status]);
    expect(log.snapshots).toEqual([initialState]);
  });

  it('matches replies to commands by requestId', async () => {
    host = new TestHost();
    const { handlers, until, log } = recorder();
    const transport = createWebSocketTransport(await host.url(), openNodeSocket);
    transport.connect(handlers, () => 0);
    await until(() => log.connection.includes(true));

    const first = transport.send({ type: 'acknowledge', incidentId: 'inc-1' });
    const second = transport.send({ type: 'close', incidentId: 'inc-2' });
    await host.until(() => host.received.length === 3);
    const [, a, b] = host.received;
    if (a?.kind !== 'command' || b?.kind !== 'command') throw new Error('expected two commands');
    expect(a.requestId).not.toBe(b.requestId);
    expect(b.command).toEqual({ type: 'close', incidentId: 'inc-2' });

    const refusal: Result<never> = { ok: false, error: { code: 'conflict', message: 'only a resolved incident can be closed' } };
    host.send({ kind: 'reply', requestId: b.requestId, result: refusal });
    host.send({ kind: 'reply', requestId: a.requestId, result: { ok: true, value: { seq: 4, incidentId: 'inc-1', events: [] } } });
    expect(await second).toEqual(refusal);
    expect(await first).toEqual({ ok: true, value: { seq: 4, incidentId: 'inc-1', events: [] } });
  });

  it('fails a command sent before the socket is open with "unavailable"', async () => {
    host = new TestHost();
    const transport = createWebSocketTransport(await host.url(), openNodeSocket);
    transport.connect(recorder().handlers, () => 0);
    const result = await transport.send({ type: 'acknowledge', incidentId: 'inc-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('fails pending commands when the socket drops, then reconnects and resubscribes from the new seq', async () => {
    host = new TestHost();
    const { handlers, until, log } = recorder();
    let seq = 3;
    const transport = createWebSocketTransport(await host.url(), openNodeSocket);
    transport.connect(handlers, () => seq);
    await host.until(() => host.received.length === 1);

    const pending = transport.send({ type: 'acknowledge', incidentId: 'inc-1' });
    await host.until(() => host.received.length === 2);
    seq = 5;
    host.latest?.terminate();

    expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await until(() => log.connection.length === 3);
    expect(log.connection).toEqual([true, false, true]);
    await host.until(() => host.received.length === 3);
    expect(host.connections).toBe(2);
    expect(host.received[2]).toEqual({ kind: 'subscribe', after: 5 });
  });

  it('on resubscribe, opens a fresh connection that subscribes again', async () => {
    host = new TestHost();
    const { handlers, until, log } = recorder();
    const transport = createWebSocketTransport(await host.url(), openNodeSocket);
    transport.connect(handlers, () => 9);
    await host.until(() => host.received.length === 1);

    transport.resubscribe();

    await host.until(() => host.connections === 2 && host.received.length === 2);
    expect(host.received[1]).toEqual({ kind: 'subscribe', after: 9 });
    await until(() => log.connection.length === 2);
    // Renewing is not losing the connection: the indicator must not flicker to offline.
    expect(log.connection).toEqual([true, true]);
  });
});
