import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { API, MAX_BODY_BYTES, clientMessageSchema, type HostStatus, type ServerMessage } from '../core/contract/contract.js';
import { alarmRequestToCommand } from '../core/contract/alarm-request.js';
import { zodFailure } from '../core/contract/commands.js';
import { activeIncidents, recentIncidents } from '../core/incident/selectors.js';
import { typeSummaries } from '../core/plan/catalogue.js';
import { fail, ok, type ErrorCode, type Result } from '../core/contract/result.js';
import { accessRole, isLoopback, originAllowed, presentedToken, type AccessRole } from './access-policy.js';
import type { CommandBus } from './command-bus.js';
import { readJsonBody } from './http-body.js';
import { RateLimiter } from './rate-limiter.js';
import type { Logger } from './logger.js';
import { serveStatic } from './static-files.js';

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
  /** status() changes are pushed to socket subscribers as a fresh {kind:'status'} */
  readonly onStatusChange?: (listener: () => void) => () => void;
}

/** Alarm intake limit per client address (docs/api.md). */
export const ALARM_RATE = { perMinute: 120, burst: 30 } as const;

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

/** A view that stops reading is cut off rather than allowed to grow the host's memory. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/** The HTTP + WebSocket face of the services: for browsers on the LAN, scripts and alarm sources. */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  if (!isLoopback(options.host) && options.token === null) {
    throw new Error(`refusing to listen on ${options.host} without a token: pass --token or bind 127.0.0.1`);
  }
  if (options.viewerToken != null && options.token === null) throw new Error('a viewer token needs a dispatcher token too');
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const alarmLimiter = new RateLimiter(ALARM_RATE.perMinute, ALARM_RATE.burst);
  const server = createServer((request, response) => {
    handleRequest(options, alarmLimiter, request, response).catch((error: unknown) => {
      options.log.error('request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('unavailable', 'internal error'));
      else response.destroy();
    });
  });
  server.on('upgrade', (request, socket, head) => {
    try {
      upgrade(options, sockets, request, socket, head);
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
        for (const socket of sockets.clients) socket.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(
  options: HostServerOptions,
  alarmLimiter: RateLimiter,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = requestUrl(request);
  if (url === null) return sendJson(response, 400, fail('invalid', 'malformed request target'));
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

  const route = `${request.method ?? ''} ${url.pathname}`;
  switch (route) {
    case `GET ${API.state}`: {
      const state = options.bus.state;
      return sendJson(
        response,
        200,
        ok({ seq: state.seq, active: activeIncidents(state), recent: recentIncidents(state), status: options.status() }),
      );
    }
    case `GET ${API.settings}`:
      return sendJson(response, 200, ok(options.status().settings));
    case `GET ${API.types}`:
      return sendJson(response, 200, ok(typeSummaries(options.bus.state.plan.catalogue)));
    case `POST ${API.commands}`:
      return postCommand(options, request, response, ok);
    case `POST ${API.alarms}`:
      if (!alarmLimiter.allow(request.socket.remoteAddress ?? '')) {
        return sendJson(response, 429, fail('rate_limited', `at most ${ALARM_RATE.perMinute} alarms a minute per source address`));
      }
      return postCommand(options, request, response, alarmRequestToCommand);
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

/** Reads a JSON body, turns it into a command, runs it; answers with the bus's result. */
async function postCommand(
  options: HostServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
  toCommand: (body: unknown) => Result<unknown>,
): Promise<void> {
  if (!isJson(request)) return sendJson(response, 415, fail('invalid', 'send the body as application/json', 'content-type'));
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return sendJson(response, STATUS_OF[body.error.code], body);
  const command = toCommand(body.value);
  if (!command.ok) return sendJson(response, STATUS_OF[command.error.code], command);
  const result = await options.bus.execute(command.value, request.socket.remoteAddress ?? 'unknown');
  return sendJson(response, result.ok ? 200 : STATUS_OF[result.error.code], result);
}

const VIEWER_REFUSAL = fail('forbidden', 'this token may view the board but not change it');

function requestUrl(request: IncomingMessage): URL | null {
  try {
    return new URL(request.url ?? '/', 'http://host');
  } catch {
    return null;
  }
}

function upgrade(options: HostServerOptions, sockets: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer): void {
  const url = requestUrl(request);
  const role = url === null ? null : accessRole(options, presentedToken(request, url));
  const refusal =
    url?.pathname !== API.socket ? '404 Not Found' : role === null ? '401 Unauthorized' : !originAllowed(request) ? '403 Forbidden' : null;
  if (refusal !== null) {
    socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return;
  }
  const client = request.socket.remoteAddress ?? 'unknown';
  sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(options, ws, role ?? 'viewer', client));
}

/** One view's session: subscribe (resume after a seq), then commands with replies. */
function serveSocket(options: HostServerOptions, socket: WebSocket, role: AccessRole, client: string): void {
  let unsubscribe: (() => void) | null = null;
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(JSON.stringify(message));
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
    void options.bus.execute(command, client).then((result) => send({ kind: 'reply', requestId, result }));
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
