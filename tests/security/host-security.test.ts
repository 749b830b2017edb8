import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseHostOptions } from '../../electron/host/cli-options.js';
import { accessRole, isLoopback } from '../../electron/services/access-policy.js';
import { startHostServer, type HostServer } from '../../electron/services/host-server.js';
import { startKioskServices, type KioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';
import { raise } from '../helpers/commands.js';
import { startHost as startFixtureHost, stopHost } from '../helpers/host-fixture.js';
import { runHostToExit, spawnHost, type HostProcess } from '../helpers/host-process.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { collect, until } from '../helpers/wait.js';

const tempDir = useTempDirs();
const DISPATCHER = 'dispatcher-token-0123456789';
const VIEWER = 'viewer-token-abcdefghijklmn';

/** This machine's own non-loopback IPv4 address, if it has one. */
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;

interface Started {
  readonly url: URL;
  readonly services: KioskServices;
  readonly server: HostServer;
}
const started: Started[] = [];
const processes: HostProcess[] = [];
afterEach(async () => {
  for (const host of started.splice(0)) await stopHost(host);
  for (const child of processes.splice(0)) child.child.kill('SIGKILL');
});

async function startHost(
  options: {
    host?: string;
    token?: string | null;
    viewerToken?: string | null;
    staticDir?: string | null;
    allowedHosts?: readonly string[];
  } = {},
): Promise<Started> {
  const { services, server } = await startFixtureHost(await tempDir(), {
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
    ...(options.host === undefined ? {} : { bind: options.host }),
    staticDir: options.staticDir ?? null,
    token: options.token === undefined ? DISPATCHER : options.token,
    viewerToken: options.viewerToken === undefined ? VIEWER : options.viewerToken,
  });
  const url = new URL(server.url);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  const host = { url, services, server };
  started.push(host);
  return host;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: { ok?: boolean; error?: { code: string; message: string } } | null;
}

function call(
  base: URL,
  method: string,
  path: string,
  options: { token?: string; origin?: string; body?: unknown; contentType?: string; host?: string } = {},
): Promise<Answer> {
  const body =
    options.body === undefined ? undefined : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
  const headers: Record<string, string | number> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.origin !== undefined) headers.origin = options.origin;
  if (options.host !== undefined) headers.host = options.host;
  if (body !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    headers['content-length'] = body.length;
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: base.hostname, port: base.port, method, path, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let parsed: Answer['body'] = null;
        try {
          parsed = JSON.parse(text) as Answer['body'];
        } catch {
          // the static page is HTML
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a socket; resolves with it, or rejects with the refused upgrade's status and headers. */
function openSocket(base: URL, query = '', origin?: string, host?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://${base.host}/api/v1/socket${query}`, {
      ...(origin === undefined ? {} : { origin }),
      ...(host === undefined ? {} : { headers: { host } }),
    });
    socket.once('upgrade', (response) => {
      if (response.headers['set-cookie'] !== undefined) reject(new Error('upgrade set a cookie'));
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_, response) => {
      const error = Object.assign(new Error(`upgrade refused: ${response.statusCode}`), {
        status: response.statusCode,
        headers: response.headers,
      });
      reject(error);
    });
    socket.once('error', reject);
  });
}

const ENDPOINTS: readonly [string, string, unknown?][] = [
  ['GET', '/api/v1/state'],
  ['GET', '/api/v1/settings'],
  ['POST', '/api/v1/commands', raise()],
  ['POST', '/api/v1/alarms', { action: 'trigger', dedupKey: 'k', source: 'BMS', summary: 'x' }],
  ['GET', '/api/v1/nothing-here'],
  ['DELETE', '/api/v1/state'],
];

describe('tokens: dispatcher and viewer', () => {
  it('every API endpoint refuses a missing or wrong token with 401', async () => {
    const host = await startHost();
    for (const [method, path, body] of ENDPOINTS) {
      for (const token of [undefined, 'x', `${DISPATCHER}x`, DISPATCHER.slice(0, -1), DISPATCHER.toUpperCase(), '']) {
        const answer = await call(host.url, method, path, { token, body });
        expect(answer.status, `${method} ${path} with ${String(token)}`).toBe(401);
        expect(answer.body?.error?.code).toBe('unauthorized');
      }
    }
    expect(host.services.bus.state.seq).toBe(0);
  });

  it('a viewer may read the board but gets 403 on commands and alarms; the dispatcher may do both', async () => {
    const host = await startHost();
    expect((await call(host.url, 'GET', '/api/v1/state', { token: VIEWER })).status).toBe(200);
    expect((await call(host.url, 'GET', '/api/v1/settings', { token: VIEWER })).status).toBe(200);
    for (const [method, path, body] of ENDPOINTS.filter(([m]) => m === 'POST')) {
      const refused = await call(host.url, method, path, { token: VIEWER, body });
      expect(refused.status, path).toBe(403);
      expect(refused.body?.error).toMatchObject({
        code: 'forbidden',
        message: expect.stringMatching(/view the board but not change it/) as unknown,
      });
    }
    expect(host.services.bus.state.seq).toBe(0);
    for (const [method, path, body] of ENDPOINTS.filter(([m]) => m === 'POST')) {
      expect((await call(host.url, method, path, { token: DISPATCHER, body })).status, path).toBe(200);
    }
    expect(host.services.bus.state.seq).toBeGreaterThan(0);
  });

  it('a viewer may subscribe on the socket and sees live events, but its commands are refused', async () => {
    const host = await startHost();
    const viewer = await openSocket(host.url, `?token=${VIEWER}`);
    const seen = collect(viewer);
    viewer.send(JSON.stringify({ kind: 'subscribe', after: 0 }));
    await until(() => seen.some((m) => m.kind === 'status'));
    viewer.send(JSON.stringify({ kind: 'command', requestId: 'v1', command: raise({ incidentId: 'from-viewer' }) }));
    await until(() => seen.some((m) => m.kind === 'reply'));
    expect(seen.find((m) => m.kind === 'reply')).toMatchObject({ requestId: 'v1', result: { ok: false, error: { code: 'forbidden' } } });
    expect(host.services.bus.state.seq).toBe(0);

    const dispatcher = await openSocket(host.url, `?token=${DISPATCHER}`);
    const replies = collect(dispatcher);
    dispatcher.send(JSON.stringify({ kind: 'command', requestId: 'd1', command: raise({ incidentId: 'from-dispatcher' }) }));
    await until(() => replies.some((m) => m.kind === 'reply'));
    expect(replies[0]).toMatchObject({ kind: 'reply', result: { ok: true } });
    await until(() => seen.some((m) => m.kind === 'events'));
    expect(seen.find((m) => m.kind === 'events')).toMatchObject({ events: [{ incidentId: 'from-dispatcher' }] });
    viewer.close();
    dispatcher.close();
  });

  it('the socket refuses a missing or wrong token with 401', async () => {
    const host = await startHost();
    await expect(openSocket(host.url)).rejects.toMatchObject({ status: 401 });
    await expect(openSocket(host.url, '?token=wrong')).rejects.toMatchObject({ status: 401 });
    (await openSocket(host.url, `?token=${VIEWER}`)).close();
  });

  it('a viewer token needs a dispatcher token', async () => {
    const log = createLogger(() => {});
    const services = await startKioskServices(await tempDir(), log);
    try {
      await expect(
        startHostServer({
          bus: services.bus,
          status: services.status,
          log,
          staticDir: null,
          host: '127.0.0.1',
          port: 0,
          token: null,
          viewerToken: VIEWER,
        }),
      ).rejects.toThrow(/viewer token needs a dispatcher token/);
    } finally {
      await services.close();
    }
    expect(accessRole({ token: null, viewerToken: null }, null)).toBe('dispatcher');
    expect(accessRole({ token: DISPATCHER, viewerToken: VIEWER }, VIEWER)).toBe('viewer');
    expect(accessRole({ token: DISPATCHER, viewerToken: null }, VIEWER)).toBeNull();
  });
});

describe('Origin', () => {
  it('the socket refuses a foreign Origin with 403 even with a valid token; its own origin and no Origin are fine', async () => {
    const host = await startHost();
    for (const origin of [
      'http://evil.example',
      'null',
      `http://${host.url.hostname}:1`,
      `http://${host.url.host}.evil.example`,
      'file://',
    ]) {
      await expect(openSocket(host.url, `?token=${DISPATCHER}`, origin), origin).rejects.toMatchObject({ status: 403 });
    }
    (await openSocket(host.url, `?token=${DISPATCHER}`, `http://${host.url.host}`)).close();
    (await openSocket(host.url, `?token=${DISPATCHER}`)).close();
  });

  it('HTTP refuses a foreign Origin with 403 on every endpoint, also for the viewer', async () => {
    const host = await startHost();
    for (const [method, path, body] of ENDPOINTS.slice(0, 4)) {
      for (const token of [DISPATCHER, VIEWER]) {
        const answer = await call(host.url, method, path, { token, body, origin: 'http://evil.example' });
        expect(answer.status, `${method} ${path}`).toBe(403);
      }
    }
    expect(host.services.bus.state.seq).toBe(0);
  });
});

describe('Host (DNS rebinding)', () => {
  it('a page that rebinds its own name to the loopback board gets 421 on HTTP and the socket, and changes nothing', async () => {
    const host = await startHost({ token: null, viewerToken: null });
    const foreign = `attacker.example:${host.url.port}`;
    for (const [method, path, body] of ENDPOINTS.slice(0, 4)) {
      const answer = await call(host.url, method, path, { body, host: foreign, origin: `http://${foreign}` });
      expect(answer.status, `${method} ${path}`).toBe(421);
      expect(answer.body?.error).toMatchObject({ code: 'forbidden', field: 'host' });
    }
    await expect(openSocket(host.url, '', `http://${foreign}`, foreign)).rejects.toMatchObject({ status: 421 });
    expect(host.services.bus.state.seq).toBe(0);
  });

  it('loopback names, the bound address and names given with --allow-host are served', async () => {
    const host = await startHost({ token: null, viewerToken: null, allowedHosts: ['board.plant.local'] });
    const port = host.url.port;
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `BOARD.plant.local:${port}`]) {
      expect((await call(host.url, 'GET', '/api/v1/state', { host: name })).status, name).toBe(200);
    }
    expect((await call(host.url, 'GET', '/api/v1/state', { host: `board.plant.local.evil.example:${port}` })).status).toBe(421);
    (await openSocket(host.url, '', `http://board.plant.local:${port}`, `board.plant.local:${port}`)).close();
  });

  it('--allow-host takes comma-separated names and refuses anything that is not one', () => {
    expect(parseHostOptions(['--allow-host', 'board.plant.local, kiosk-2'], {}).allowedHosts).toEqual(['board.plant.local', 'kiosk-2']);
    expect(() => parseHostOptions(['--allow-host', 'a/b'], {})).toThrow(/--allow-host/);
  });
});

describe('the served folder', () => {
  it('serves only real files inside it: symlinks leading out get the page, never the linked file', async () => {
    const dir = await tempDir();
    const root = join(dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'journal secrets');
    await symlink(join(dir, 'secret.txt'), join(root, 'leak.txt'));
    await symlink(dir, join(root, 'up'));
    await symlink(join(root, 'assets', 'app.js'), join(root, 'inside.js'));
    const host = await startHost({ staticDir: root });
    for (const path of ['/leak.txt', '/up/secret.txt']) {
      const text = await (await fetch(new URL(path, host.url))).text();
      expect(text, path).not.toContain('journal secrets');
      expect(text, path).toContain('<title>board</title>');
    }
    expect(await (await fetch(new URL('/inside.js', host.url))).text()).toBe('console.log(1)');
  });
});

describe('no cookies, ever', () => {
  it('no Set-Cookie on any answer: page, assets, every API endpoint and error, socket upgrades accepted or refused', async () => {
    const root = join(await tempDir(), 'renderer');
    await mkdir(root);
    await writeFile(join(root, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(root, 'app.js'), 'console.log(1)');
    const host = await startHost({ staticDir: root });
    const answers: [string, Answer][] = [];
    const record = async (label: string, answer: Promise<Answer>) => answers.push([label, await answer]);
    for (const path of ['/', '/app.js', '/missing/route', '/%', '/index.html']) {
      for (const method of ['GET', 'HEAD', 'POST']) await record(`${method} ${path}`, call(host.url, method, path));
    }
    for (const [method, path, body] of ENDPOINTS) {
      for (const token of [undefined, VIEWER, DISPATCHER]) {
        await record(`${method} ${path} ${String(token)}`, call(host.url, method, path, { token, body }));
        await record(
          `${method} ${path} ${String(token)} foreign`,
          call(host.url, method, path, { token, body, origin: 'http://evil.example' }),
        );
      }
    }
    await record('415', call(host.url, 'POST', '/api/v1/commands', { token: DISPATCHER, body: 'x', contentType: 'text/plain' }));
    await record('413', call(host.url, 'POST', '/api/v1/commands', { token: DISPATCHER, body: 'x'.repeat(70_000) }));
    await record('400', call(host.url, 'POST', '/api/v1/commands', { token: DISPATCHER, body: '{' }));
    expect(new Set(answers.map(([, a]) => a.status))).toEqual(new Set([200, 400, 401, 403, 404, 405, 413, 415]));
    for (const [label, answer] of answers) expect(answer.headers['set-cookie'], label).toBeUndefined();

    // socket upgrades: the accepted one (checked in openSocket) and the refused ones
    (await openSocket(host.url, `?token=${VIEWER}`)).close();
    for (const [query, origin] of [
      ['', undefined],
      [`?token=${DISPATCHER}`, 'http://evil.example'],
    ] as const) {
      const refusal = (await openSocket(host.url, query, origin).catch((error: unknown) => error)) as { headers: Record<string, unknown> };
      expect(refusal.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('off loopback', () => {
  const bindAddress = lanAddress ?? '0.0.0.0';

  it(`bound to ${bindAddress} (this machine's ${lanAddress ? 'own LAN address' : 'every address'}): a request without a token gets 401`, async () => {
    expect(isLoopback(bindAddress)).toBe(false);
    const host = await startHost({ host: bindAddress });
    expect(host.url.hostname).toBe(lanAddress ?? '127.0.0.1');
    for (const [method, path, body] of ENDPOINTS) {
      expect((await call(host.url, method, path, { body })).status, `${method} ${path}`).toBe(401);
    }
    await expect(openSocket(host.url)).rejects.toMatchObject({ status: 401 });
    expect((await call(host.url, 'GET', '/api/v1/state', { token: VIEWER })).status).toBe(200);
    expect((await call(host.url, 'POST', '/api/v1/commands', { token: VIEWER, body: raise() })).status).toBe(403);
    expect((await call(host.url, 'POST', '/api/v1/commands', { token: DISPATCHER, body: raise() })).status).toBe(200);
  });

  it('will not even start there without a token', async () => {
    const log = createLogger(() => {});
    const services = await startKioskServices(await tempDir(), log);
    try {
      await expect(
        startHostServer({ bus: services.bus, status: services.status, log, staticDir: null, host: bindAddress, port: 0, token: null }),
      ).rejects.toThrow(/without a token/);
    } finally {
      await services.close();
    }
  });

  it('127.0.0.2 and ::1 are loopback; LAN, any-address and mapped addresses are not', () => {
    expect(isLoopback('127.0.0.2')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    for (const address of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', '::ffff:127.0.0.1', 'example.com', ''])
      expect(isLoopback(address), address).toBe(false);
  });

  it('the built host with --token and --viewer-token on the LAN address: 401 / 403 / 200 as documented', async () => {
    const host = await spawnHost([
      '--host',
      bindAddress,
      '--port',
      '0',
      '--data',
      await tempDir(),
      '--token',
      DISPATCHER,
      '--viewer-token',
      VIEWER,
    ]);
    processes.push(host);
    const url = new URL(host.url);
    if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
    expect((await call(url, 'GET', '/api/v1/state')).status).toBe(401);
    expect((await call(url, 'GET', '/api/v1/state', { token: VIEWER })).status).toBe(200);
    expect((await call(url, 'POST', '/api/v1/commands', { token: VIEWER, body: raise() })).status).toBe(403);
    expect((await call(url, 'POST', '/api/v1/commands', { token: DISPATCHER, body: raise() })).status).toBe(200);
  });
});

describe('command line', () => {
  it('reads --viewer-token or KIOSK_VIEWER_TOKEN beside --token', () => {
    expect(parseHostOptions(['--token', DISPATCHER, '--viewer-token', VIEWER], {})).toMatchObject({
      token: DISPATCHER,
      viewerToken: VIEWER,
    });
    expect(parseHostOptions([], { KIOSK_TOKEN: DISPATCHER, KIOSK_VIEWER_TOKEN: VIEWER })).toMatchObject({
      token: DISPATCHER,
      viewerToken: VIEWER,
    });
    expect(parseHostOptions([], {})).toMatchObject({ token: null, viewerToken: null });
  });

  it.each([
    [['--viewer-token', VIEWER], /needs a dispatcher --token/],
    [['--token', DISPATCHER, '--viewer-token', 'short'], /--viewer-token: use at least 16 characters/],
    [['--token', DISPATCHER, '--viewer-token', DISPATCHER], /must differ from --token/],
  ])('refuses %j', async (args, message) => {
    expect(() => parseHostOptions(args, {})).toThrow(message);
    const result = await runHostToExit([...args, '--port', '0', '--data', await tempDir()]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
  });
});
