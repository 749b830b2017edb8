import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  API,
  MAX_BODY_BYTES,
  clientMessageSchema,
  type CommandOutcome,
  type HostStatus,
  type ServerMessage,
} from '../core/contract/contract.js';
import { alarmRequestToCommand } from '../core/contract/alarm-request.js';
import { parseCommand, zodFailure } from '../core/contract/commands.js';
import { typeSummaries } from '../core/plan/catalogue.js';
import { fail, ok, type ErrorCode, type Result } from '../core/contract/result.js';
import { accessRole, hostAllowed, isLoopback, originAllowed, presentedToken, type AccessRole } from './access-policy.js';
import type { CommandBus } from './command-bus.js';
import { readJsonBody } from './http-body.js';
import { RateLimiter } from './rate-limiter.js';
import type { Logger } from './logger.js';
import { serveStatic } from './static-files.js';
import { CONNECTION_LIMITS, limitConnections, type ConnectionLimits } from './connection-limits.js';
import { SharedPayloads } from './shared-payloads.js';
import { FLEET_LIMITS, SocketFleet, type FleetLimits } from './socket-fleet.js';

export interface HostServerOptions {
  readonly bus: CommandBus;
  readonly status: () => HostStatus;
  readonly log: Logger;
  /** folder of the built renderer; null serves the API only */
  readonly staticDir: string | null;
  readonly host: string;
  readonly port: number;
  readonly token: string | null;
  /** may read the board and subscribe, but not send commands or alarms (403) */
  readonly viewerToken?: string | null;
  /** extra host names the board may be opened by (DNS names of this machine); loopback and the bound address always work */
  readonly allowedHosts?: readonly string[];
  /** caps on connections and unsent socket data; the defaults suit a control room, tests shrink them */
  readonly limits?: { readonly connections?: Partial<ConnectionLimits>; readonly fleet?: Partial<FleetLimits> };
  /** status() changes are pushed to socket subscribers as a fresh {kind:'status'} */
  readonly onStatusChange?: (listener: () => void) => () => void;
}

/** Alarm intake limit per client address (docs/api.md), whichever route or socket the alarm comes by. */
export const ALARM_RATE = { perMinute: 120, burst: 30 } as const;
/** Reads of the board per client address; views use the socket, so this only slows a script gone wrong. */
export const READ_RATE = { perMinute: 600, burst: 120 } as const;
const INTAKE_COMMANDS: ReadonlySet<string> = new Set(['triggerAlarm', 'acknowledgeAlarm', 'resolveAlarm']);

/** What one server shares between its requests and sockets. */
interface Shared {
  readonly options: HostServerOptions;
  readonly alarms: RateLimiter;
  readonly reads: RateLimiter;
  readonly payloads: SharedPayloads;
  readonly fleet: SocketFleet;
}

export interface HostServer {
  readonly url: string;
  close(): Promise<void>;
}

const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  invalid: 400,
  unknown_command: 400,
  bad_json: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  storage: 503,
  unavailable: 503,
};

const HEARTBEAT_MS = 15_000;

/** The HTTP + WebSocket face of the services: for browsers on the LAN, scripts and alarm sources. */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  if (!isLoopback(options.host) && options.token === null) {
    throw new Error(`refusing to listen on ${options.host} without a token: pass --token or bind 127.0.0.1`);
  }
  if (options.viewerToken != null && options.token === null) throw new Error('a viewer token needs a dispatcher token too');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const shared: Shared = {
    options,
    alarms: new RateLimiter(ALARM_RATE.perMinute, ALARM_RATE.burst),
    reads: new RateLimiter(READ_RATE.perMinute, READ_RATE.burst),
    payloads: new SharedPayloads(),
    fleet: new SocketFleet((reason) => options.log.warn(`socket dropped: ${reason}`), { ...FLEET_LIMITS, ...options.limits?.fleet }),
  };
  const server = createServer({ connectionsCheckingInterval: 1_000 }, (request, response) => {
    handleRequest(shared, request, response).catch((error: unknown) => {
      options.log.error('request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('unavailable', 'internal error'));
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    try {
      upgrade(shared, sockets, request, socket, head);
    } catch (error) {
      options.log.warn(`upgrade refused: ${(error as Error).message}`);
      socket.destroy();
    }
  });
  const heartbeat = setInterval(() => {
    for (const socket of sockets.clients) {
      const alive = socket as WebSocket & { alive?: boolean };
      if (alive.alive === false) socket.terminate();
      else {
        alive.alive = false;
        socket.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  limitConnections(server, { ...CONNECTION_LIMITS, ...options.limits?.connections });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        shared.fleet.close();
        for (const socket of sockets.clients) socket.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(shared: Shared, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { options } = shared;
  const url = requestUrl(request);
  if (url === null) return sendJson(response, 400, fail('invalid', 'malformed request target'));
  if (!knownHost(options, request)) return sendJson(response, 421, HOST_REFUSAL);
  const isApi = url.pathname.startsWith('/api/');
  if (!isApi) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, fail('invalid', 'method not allowed'));
    if (options.staticDir === null) return sendJson(response, 404, fail('not_found', 'no renderer is served here'));
    return serveStatic(options.staticDir, url.pathname, response);
  }
  const role = accessRole(options, presentedToken(request, url));
  if (role === null) {
    return sendJson(response, 401, fail('unauthorized', 'a valid token is required (Authorization: Bearer <token>)'));
  }
  if (!originAllowed(request)) return sendJson(response, 403, fail('forbidden', 'cross-origin requests are refused'));
  if (request.method === 'POST' && role !== 'dispatcher') return sendJson(response, 403, VIEWER_REFUSAL);
  const address = request.socket.remoteAddress ?? '';
  if (request.method === 'GET' && !shared.reads.allow(address)) {
    return sendJson(
      response,
      429,
      fail('rate_limited', `at most ${READ_RATE.perMinute} reads a minute per address; views should use the socket`),
    );
  }

  const route = `${request.method ?? ''} ${url.pathname}`;
  switch (route) {
    case `GET ${API.state}`:
      return sendState(shared, response);
    case `GET ${API.settings}`:
      return sendJson(response, 200, ok(options.status().settings));
    case `GET ${API.types}`:
      return sendJson(response, 200, ok(typeSummaries(options.bus.state.plan.catalogue)));
    case `POST ${API.commands}`:
      return postCommand(shared, request, response, ok);
    case `POST ${API.alarms}`:
      if (!shared.alarms.allow(address)) return sendJson(response, 429, ALARM_REFUSAL);
      return postCommand(shared, request, response, alarmRequestToCommand, true);
    default: {
      const known = (Object.values(API) as string[]).includes(url.pathname);
      return sendJson(
        response,
        known ? 405 : 404,
        fail(known ? 'invalid' : 'not_found', known ? 'method not allowed' : 'no such endpoint'),
      );
    }
  }
}

/** The board's shared bytes between a fresh status: no per-reader serialisation of megabytes. */
function sendState(shared: Shared, response: ServerResponse): void {
  const board = shared.payloads.boardFields(shared.options.bus.state);
  const head = Buffer.from('{"ok":true,"value":{');
  const tail = Buffer.from(`,"status":${JSON.stringify(shared.options.status())}}}`);
  response.writeHead(200, { ...JSON_HEADERS, 'content-length': head.length + board.length + tail.length });
  response.write(head);
  response.write(board);
  response.end(tail);
}

/** Reads a JSON body, turns it into a command, runs it; answers with the bus's result. */
async function postCommand(
  shared: Shared,
  request: IncomingMessage,
  response: ServerResponse,
  toCommand: (body: unknown) => Result<unknown>,
  counted = false,
): Promise<void> {
  if (!isJson(request)) return sendJson(response, 415, fail('invalid', 'send the body as application/json', 'content-type'));
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return sendJson(response, STATUS_OF[body.error.code], body);
  const command = toCommand(body.value);
  if (!command.ok) return sendJson(response, STATUS_OF[command.error.code], command);
  const address = request.socket.remoteAddress ?? '';
  const result = await runCommand(shared, command.value, address, `http:${address}`, counted);
  return sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

/**
 * Every route to the bus passes here, so the alarm intake's limit holds whichever way an alarm
 * comes; a refused (malformed) alarm command is answered by the bus and costs nothing. The alarm
 * endpoint counts every request before reading it, so it passes `counted`.
 */
function runCommand(shared: Shared, command: unknown, address: string, client: string, counted = false): Promise<Result<CommandOutcome>> {
  const type = typeof command === 'object' && command !== null ? String((command as { type?: unknown }).type) : '';
  if (!counted && INTAKE_COMMANDS.has(type) && parseCommand(command, 'intake').ok && !shared.alarms.allow(address)) {
    return Promise.resolve(ALARM_REFUSAL);
  }
  return shared.options.bus.execute(command, client, address);
}

const ALARM_REFUSAL = fail('rate_limited', `at most ${ALARM_RATE.perMinute} alarms a minute per source address`);
const VIEWER_REFUSAL = fail('forbidden', 'this token may view the board but not change it');
const HOST_REFUSAL = fail('forbidden', 'this board is not served under that host name (see --allow-host)', 'host');

const knownHost = (options: HostServerOptions, request: IncomingMessage): boolean =>
  hostAllowed(request, options.host, options.allowedHosts ?? []);

function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://host');
  } catch {
    return null;
  }
}

function upgrade(shared: Shared, sockets: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const { options } = shared;
  const url = requestUrl(request);
  const role = url === null ? null : accessRole(options, presentedToken(request, url));
  const refusal =
    url?.pathname !== API.socket
      ? '404 Not Found'
      : !knownHost(options, request)
        ? '421 Misdirected Request'
        : role === null
          ? '401 Unauthorized'
          : !originAllowed(request)
            ? '403 Forbidden'
            : shared.fleet.full
              ? '503 Service Unavailable'
              : null;
  if (refusal !== null) {
    socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return;
  }
  sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(shared, ws, role ?? 'viewer', request.socket.remoteAddress ?? ''));
}

let socketCount = 0;
/** Commands one socket may have waiting before the host stops reading it (below the bus's per-client limit). */
const SOCKET_WINDOW = 64;

/** One view's session: subscribe (resume after a seq), then commands with replies. */
function serveSocket(shared: Shared, socket: WebSocket, role: AccessRole, address: string): void {
  const { options } = shared;
  const client = `ws:${++socketCount}`;
  shared.fleet.add(socket);
  let unsubscribe: (() => void) | null = null;
  const send = (message: ServerMessage) => shared.fleet.send(socket, shared.payloads.message(message));
  // Backpressure: a socket with its fill of commands waiting is not read from until they are
  // answered, so a flood waits in its own TCP buffer instead of in this event loop. Frames
  // already read when it pauses wait in the backlog, in order.
  const backlog: { requestId: string; command: unknown }[] = [];
  let waiting = 0;
  const runBacklog = () => {
    while (waiting < SOCKET_WINDOW && backlog.length > 0) {
      const { requestId, command } = backlog.shift()!;
      waiting += 1;
      void runCommand(shared, command, address, client).then((result) => {
        waiting -= 1;
        send({ kind: 'reply', requestId, result });
        runBacklog();
      });
    }
    if (waiting >= SOCKET_WINDOW) socket.pause();
    else if (backlog.length === 0) socket.resume();
  };
  (socket as WebSocket & { alive?: boolean }).alive = true;
  socket.on('pong', () => ((socket as WebSocket & { alive?: boolean }).alive = true));
  socket.on('close', () => unsubscribe?.());
  socket.on('error', (error) => options.log.warn(`socket error: ${error.message}`));
  socket.on('message', (data, isBinary) => {
    const message = parseClientMessage(isBinary ? null : rawText(data));
    if (!message.ok) return send({ kind: 'error', error: message.error });
    if (message.value.kind === 'subscribe') {
      unsubscribe?.();
      send({ kind: 'status', status: options.status() });
      const fromBus = options.bus.subscribe(message.value.after, send);
      const fromStatus = options.onStatusChange?.(() => send({ kind: 'status', status: options.status() }));
      unsubscribe = () => {
        fromBus();
        fromStatus?.();
      };
      return;
    }
    const { requestId, command } = message.value;
    if (role !== 'dispatcher') return send({ kind: 'reply', requestId, result: VIEWER_REFUSAL });
    backlog.push({ requestId, command });
    runBacklog();
  });
}

/** A text frame's bytes as a string; ws hands them over as one Buffer or as fragments. */
const rawText = (data: RawData): string =>
  (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');

function parseClientMessage(text: string | null): Result<ReturnType<typeof clientMessageSchema.parse>> {
  if (text === null) return fail('bad_json', 'send text frames with JSON');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('bad_json', 'message is not valid JSON');
  }
  const parsed = clientMessageSchema.safeParse(json, { reportInput: true });
  return parsed.success ? ok(parsed.data) : zodFailure(parsed.error);
}

function isJson(request: IncomingMessage): boolean {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
