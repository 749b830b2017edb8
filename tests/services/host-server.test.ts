import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startHostServer } from '../../electron/services/host-server.js';
import { createLogger } from '../../electron/services/logger.js';
import { raise } from '../helpers/commands.js';
import { postJson, useHosts } from '../helpers/host-fixture.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { collect, until } from '../helpers/wait.js';

const tempDir = useTempDirs();
const startHost = useHosts();
const TOKEN = 'a-long-enough-test-token';

const api = (host: { url: string }, path: string) => new URL(path, host.url).toString();

describe('host HTTP API', () => {
  it('raises, acknowledges and resolves through POST /api/v1/commands and shows it in GET /api/v1/state', async () => {
    const host = await startHost(await tempDir());
    const raised = await postJson(api(host, '/api/v1/commands'), {
      type: 'raiseIncident',
      incidentType: 'fire',
      level: 'II',
      title: 'Warehouse 3 smoke',
      location: 'B3',
      drill: false,
    });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ ok: true, value: { seq: 1, incidentId: 'inc-1' } });

    let state = (await (await fetch(api(host, '/api/v1/state'))).json()) as { value: { active: { id: string; status: string }[] } };
    expect(state.value.active).toEqual([expect.objectContaining({ id: 'inc-1', status: 'raised', title: 'Warehouse 3 smoke' })]);

    expect((await postJson(api(host, '/api/v1/commands'), { type: 'acknowledge', incidentId: 'inc-1' })).status).toBe(200);
    expect((await postJson(api(host, '/api/v1/commands'), { type: 'resolve', incidentId: 'inc-1' })).status).toBe(200);
    // a fire's legal deadlines outlive resolve: it stays among the active ones until they are met or waived
    state = (await (await fetch(api(host, '/api/v1/state'))).json()) as typeof state;
    expect(state.value.active).toEqual([expect.objectContaining({ id: 'inc-1', status: 'resolved' })]);
    for (const deadlineId of ['report-unit-head', 'report-bureau']) {
      const waived = { type: 'waiveDeadline', incidentId: 'inc-1', deadlineId, reason: 'drill of the API' };
      expect((await postJson(api(host, '/api/v1/commands'), waived)).status).toBe(200);
    }
    state = (await (await fetch(api(host, '/api/v1/state'))).json()) as typeof state;
    expect(state.value.active).toEqual([]);
    expect((state.value as unknown as { recent: { id: string; status: string }[] }).recent).toEqual([
      expect.objectContaining({ id: 'inc-1', status: 'resolved' }),
    ]);
  });

  it.each([
    ['a wrong level', { ...raise(), level: 'V' }, 400, { code: 'invalid', field: 'level' }],
    ['a wrong type', { ...raise(), drill: 'yes' }, 400, { code: 'invalid', field: 'drill' }],
    ['an unknown command', { type: 'selfDestruct' }, 400, { code: 'unknown_command', field: 'type' }],
    ['an unknown incident', { type: 'acknowledge', incidentId: 'inc-404' }, 404, { code: 'not_found', field: 'incidentId' }],
    ['malformed JSON', '{"type": "raiseIncident",', 400, { code: 'bad_json' }],
    ['an oversized body', JSON.stringify({ ...raise(), details: 'x'.repeat(70_000) }), 413, { code: 'too_large' }],
  ])('answers %s with a clear 4xx error and keeps serving', async (_, body, status, error) => {
    const host = await startHost(await tempDir());
    const refused = await postJson(api(host, '/api/v1/commands'), body);
    expect(refused.status).toBe(status);
    expect(refused.body).toMatchObject({ ok: false, error });
    expect(typeof (refused.body.error as { message: unknown }).message).toBe('string');
    expect(host.services.bus.state.seq).toBe(0);
    expect((await postJson(api(host, '/api/v1/commands'), raise())).status).toBe(200);
  });

  it('refuses a body that is not declared as JSON (no cross-site form posts)', async () => {
    const host = await startHost(await tempDir());
    const response = await fetch(api(host, '/api/v1/commands'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(raise()),
    });
    expect(response.status).toBe(415);
    expect(host.services.bus.state.seq).toBe(0);
  });

  it('refuses requests from another origin', async () => {
    const host = await startHost(await tempDir());
    const refused = await postJson(api(host, '/api/v1/commands'), raise(), { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(host.services.bus.state.seq).toBe(0);
  });

  it('requires the token on every API request when one is configured', async () => {
    const host = await startHost(await tempDir(), { token: TOKEN });
    expect((await fetch(api(host, '/api/v1/state'))).status).toBe(401);
    expect((await postJson(api(host, '/api/v1/commands'), raise(), { authorization: 'Bearer wrong-token-of-same-len' })).status).toBe(401);
    expect((await postJson(api(host, '/api/v1/commands'), raise(), { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await fetch(api(host, '/api/v1/state'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('will not listen beyond loopback without a token', async () => {
    const dir = await tempDir();
    const host = await startHost(dir);
    await expect(
      startHostServer({
        bus: host.services.bus,
        status: host.services.status,
        log: createLogger(() => {}),
        staticDir: null,
        host: '0.0.0.0',
        port: 0,
        token: null,
      }),
    ).rejects.toThrow(/without a token/);
  });

  it('serves the renderer but nothing outside its folder', async () => {
    const root = join(await tempDir(), 'renderer');
    await mkdir(root);
    await writeFile(join(root, 'index.html'), '<!doctype html><title>board</title>');
    await writeFile(join(root, 'app.js'), 'console.log(1)');
    const host = await startHost(await tempDir(), { staticDir: root });
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('<title>board</title>');
    expect((await fetch(api(host, '/app.js'))).headers.get('content-type')).toContain('text/javascript');
    const escaped = await rawGet(host.url, '/../../../etc/passwd');
    expect(escaped).not.toContain('root:');
  });
});

describe('host WebSocket', () => {
  it('sends status and catch-up on subscribe, replies to commands and pushes live events', async () => {
    const host = await startHost(await tempDir());
    await host.services.bus.execute(raise({ incidentId: 'first' }));
    const socket = await openSocket(host.url);
    const messages = collect(socket);
    socket.send(JSON.stringify({ kind: 'subscribe', after: 0 }));
    await until(() => messages.length >= 2);
    expect(messages[0]).toMatchObject({ kind: 'status', status: { warnings: [] } });
    expect(messages[1]).toMatchObject({ kind: 'events', seq: 1, events: [{ incidentId: 'first' }] });

    socket.send(JSON.stringify({ kind: 'command', requestId: 'r1', command: { type: 'acknowledge', incidentId: 'first' } }));
    await until(() => messages.some((m) => m.kind === 'reply'));
    expect(messages.find((m) => m.kind === 'reply')).toMatchObject({ requestId: 'r1', result: { ok: true, value: { seq: 2 } } });
    expect(messages.find((m) => m.kind === 'events' && m.seq === 2)).toBeDefined();

    socket.send('not json');
    await until(() => messages.some((m) => m.kind === 'error'));
    expect(messages.find((m) => m.kind === 'error')).toMatchObject({ error: { code: 'bad_json' } });
    socket.close();
  });

  it('refuses an upgrade without the token or from a foreign origin', async () => {
    const host = await startHost(await tempDir(), { token: TOKEN });
    await expect(openSocket(host.url)).rejects.toThrow(/401/);
    await expect(openSocket(`${host.url}?token=${TOKEN}`, 'http://evil.example')).rejects.toThrow(/403/);
    const allowed = await openSocket(`${host.url}?token=${TOKEN}`);
    allowed.close();
  });
});

function openSocket(pageUrl: string, origin?: string): Promise<WebSocket> {
  const url = new URL(pageUrl);
  const target = `ws://${url.host}/api/v1/socket${url.search}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(target, origin ? { origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

/** fetch() normalises "..", so path traversal has to be tried with a raw request line. */
function rawGet(base: string, path: string): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('alarm intake POST /api/v1/alarms', () => {
  const alarm = (body: Record<string, unknown>) => ({ source: 'BMS', dedupKey: 'chiller-2-temp', ...body });

  it('deduplicates triggers into one incident and returns it to normal on resolve', async () => {
    const host = await startHost(await tempDir());
    const url = api(host, '/api/v1/alarms');
    const first = await postJson(url, alarm({ action: 'trigger', summary: 'Chiller 2 over temperature', level: 'III' }));
    expect(first.status).toBe(200);
    const again = await postJson(url, alarm({ action: 'trigger', summary: 'Chiller 2 over temperature (41 °C)' }));
    expect(again.status).toBe(200);
    const active = Object.values(host.services.bus.state.incidents);
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({
      incidentType: 'system-alarm',
      title: 'Chiller 2 over temperature (41 °C)',
      source: { system: 'BMS', count: 2 },
    });

    expect((await postJson(url, alarm({ action: 'resolve' }))).status).toBe(200);
    expect(Object.values(host.services.bus.state.incidents)[0]).toMatchObject({
      status: 'raised',
      alarm: { returned: true, unacknowledged: true },
    });
    expect((await postJson(url, alarm({ action: 'acknowledge' }))).status).toBe(200);
    expect(Object.values(host.services.bus.state.incidents)[0]).toMatchObject({ status: 'resolved' });
  });

  it('names the wrong field', async () => {
    const host = await startHost(await tempDir());
    const url = api(host, '/api/v1/alarms');
    expect((await postJson(url, alarm({ action: 'explode' }))).body).toMatchObject({ error: { code: 'invalid', field: 'action' } });
    expect((await postJson(url, { action: 'trigger', source: 'BMS', summary: 'x' })).body).toMatchObject({ error: { field: 'dedupKey' } });
    expect((await postJson(url, alarm({ action: 'trigger', summary: 'x', level: 'V' }))).body).toMatchObject({ error: { field: 'level' } });
    expect((await postJson(url, alarm({ action: 'resolve' }))).status).toBe(404);
    expect(host.services.bus.state.seq).toBe(0);
  });

  it('limits the rate per source address', async () => {
    const host = await startHost(await tempDir());
    const url = api(host, '/api/v1/alarms');
    const statuses: number[] = [];
    for (let i = 0; i < 35; i += 1) {
      statuses.push((await postJson(url, alarm({ action: 'trigger', dedupKey: `k-${i}`, summary: `alarm ${i}` }))).status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(30)).toContain(429);
    // commands from the console are not limited by the alarm intake
    expect((await postJson(api(host, '/api/v1/commands'), raise())).status).toBe(200);
  });
});

describe('GET /api/v1/types', () => {
  it('lists every incident type of the site with its names and the levels it allows', async () => {
    const host = await startHost(await tempDir());
    const answer = (await (await fetch(api(host, '/api/v1/types'))).json()) as {
      ok: boolean;
      value: { id: string; name: { 'zh-CN': string; en: string }; levels: string[]; defaultLevel: string }[];
    };
    expect(answer.ok).toBe(true);
    expect(answer.value).toHaveLength(18);
    expect(answer.value.find((t) => t.id === 'fire')).toEqual({
      id: 'fire',
      name: { 'zh-CN': '火灾', en: 'Fire' },
      family: 'fire',
      levels: ['I', 'II', 'III', 'IV'],
      defaultLevel: 'II',
    });
    expect(answer.value.find((t) => t.id === 'customer-complaint')?.levels).toEqual(['I', 'II', 'III']);
    // what it says is what a raise accepts
    const url = api(host, '/api/v1/commands');
    expect((await postJson(url, { ...raise(), incidentType: 'customer-complaint', level: 'IV' })).status).toBe(400);
    expect((await postJson(url, { ...raise(), incidentType: 'customer-complaint', level: 'III' })).status).toBe(200);
  });
});

describe('site settings through the API', () => {
  it('applies a partial change, keeps the other fields, journals it, and tells subscribed views', async () => {
    const host = await startHost(await tempDir());
    const url = api(host, '/api/v1/commands');
    const contacts = [{ name: 'Power company', number: '95598', note: 'outage line' }];
    await postJson(url, { type: 'updateSettings', settings: { siteName: 'Plant 2', contacts } });
    const socket = await openSocket(host.url);
    const messages = collect(socket);
    socket.send(JSON.stringify({ kind: 'subscribe', after: host.services.bus.state.seq }));
    await until(() => messages.length >= 1);

    const changed = await postJson(url, { type: 'updateSettings', settings: { dialOut: true }, actor: 'Duty head Zhao' });
    expect(changed.status).toBe(200);
    const settings = (await (await fetch(api(host, '/api/v1/settings'))).json()) as { value: Record<string, unknown> };
    expect(settings.value).toMatchObject({ siteName: 'Plant 2', dialOut: true, language: 'zh-CN', contacts, pinSet: false });
    expect(settings.value).not.toHaveProperty('pinHash');
    expect(changed.body).toMatchObject({
      value: { events: [{ type: 'settingsChanged', actor: 'Duty head Zhao', changes: { dialOut: true } }] },
    });
    await until(() => messages.filter((m) => m.kind === 'status').length >= 2);
    expect(messages.filter((m) => m.kind === 'status').at(-1)).toMatchObject({ status: { settings: { dialOut: true } } });
    socket.close();
  });

  it('once a PIN is set, refuses changes without it and never journals the PIN', async () => {
    const dir = await tempDir();
    const host = await startHost(dir);
    const url = api(host, '/api/v1/commands');
    expect((await postJson(url, { type: 'changePin', newPin: '4711' })).status).toBe(200);
    expect((await postJson(url, { type: 'updateSettings', settings: { siteName: 'X' } })).body).toMatchObject({
      error: { code: 'forbidden', field: 'pin' },
    });
    expect((await postJson(url, { type: 'updateSettings', settings: { siteName: 'X' }, pin: '1234' })).status).toBe(403);
    expect((await postJson(url, { type: 'updateSettings', settings: { siteName: 'X' }, pin: '4711' })).status).toBe(200);
    const journal = await readFile(join(dir, 'journal', 'events.ndjson'), 'utf8');
    expect(journal).not.toContain('4711');
    expect(journal).toContain('"pinChanged"');
  });

  it('checks a PIN at once (verifyPin), journals wrong ones and locks the client out after five', async () => {
    const dir = await tempDir();
    const host = await startHost(dir);
    const url = api(host, '/api/v1/commands');
    expect((await postJson(url, { type: 'changePin', newPin: '4711' })).status).toBe(200);
    expect(await postJson(url, { type: 'verifyPin', pin: '4711' })).toMatchObject({ status: 200, body: { ok: true } });
    for (let n = 1; n <= 4; n++) {
      const wrong = await postJson(url, { type: 'verifyPin', pin: '0000' });
      expect(wrong).toMatchObject({ status: 403, body: { error: { code: 'forbidden', field: 'pin' } } });
      expect((wrong.body.error as { message: string }).message).toContain(`${n} of 5`);
    }
    const fifth = await postJson(url, { type: 'verifyPin', pin: '0000' });
    expect(fifth).toMatchObject({ status: 429, body: { error: { code: 'rate_limited', field: 'pin' } } });
    const retryAt = (fifth.body.error as { retryAt: number }).retryAt;
    expect(retryAt - Date.now()).toBeGreaterThan(25_000);
    expect(retryAt - Date.now()).toBeLessThanOrEqual(30_000);
    // locked: even the right PIN waits, and nothing changes
    expect(await postJson(url, { type: 'updateSettings', settings: { siteName: 'X' }, pin: '4711' })).toMatchObject({ status: 429 });
    const journal = await readFile(join(dir, 'journal', 'events.ndjson'), 'utf8');
    expect(journal.match(/"pinRejected"/g)).toHaveLength(5);
    expect(journal).toContain('"lockedUntil":' + String(retryAt));
    expect(journal).not.toContain('0000');
    expect(journal).not.toContain('"siteName":"X"');
  });
});
