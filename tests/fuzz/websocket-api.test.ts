import type { Socket } from 'node:net';
import fc from 'fast-check';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_BODY_BYTES, type ServerMessage } from '../../electron/core/contract/contract.js';
import { anyValue, namesField, spoiledCommand } from './command-arbitraries.js';
import { useFuzzHost } from './fuzz-host.js';

const host = useFuzzHost();

/** A real WebSocket to the host that hands back the next message or the close code. */
async function openSocket(): Promise<{
  socket: WebSocket;
  next(): Promise<ServerMessage>;
  closed: Promise<number>;
}> {
  const socket = new WebSocket(`ws://${host().url.host}/api/v1/socket`);
  const queue: ServerMessage[] = [];
  const waiting: ((m: ServerMessage) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    const resolve = waiting.shift();
    if (resolve) resolve(message);
    else queue.push(message);
  });
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    socket,
    closed,
    next: () =>
      new Promise<ServerMessage>((resolve, reject) => {
        const queued = queue.shift();
        if (queued) return resolve(queued);
        const timer = setTimeout(() => reject(new Error('no message in time')), 5000);
        waiting.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
      }),
  };
}

async function unchanged(run: () => Promise<void>): Promise<void> {
  const before = await host().fingerprint();
  await run();
  expect(await host().fingerprint()).toEqual(before);
  expect((await fetch(new URL('/api/v1/state', host().url))).status).toBe(200);
}

describe('WebSocket /api/v1/socket under hostile input (fast-check, real host)', () => {
  it('commands with one spoiled field: the reply refuses them naming the field; the socket stays open', async () => {
    const view = await openSocket();
    let n = 0;
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(spoiledCommand, async ({ command, field }) => {
          const text = JSON.stringify({ kind: 'command', requestId: `r${(n += 1)}`, command });
          if (Buffer.byteLength(text) > MAX_BODY_BYTES) return; // too large for a frame: tested below
          view.socket.send(text);
          const reply = await view.next();
          expect(reply.kind).toBe('reply');
          if (reply.kind !== 'reply') return;
          expect(reply.requestId).toBe(`r${n}`);
          expect(reply.result.ok).toBe(false);
          if (reply.result.ok) return;
          expect(reply.result.error.code).toBe('invalid');
          expect(namesField(reply.result.error.field, field), `${field} → ${JSON.stringify(reply.result.error)}`).toBe(true);
        }),
        { numRuns: 300 },
      ),
    );
    expect(view.socket.readyState).toBe(WebSocket.OPEN);
    view.socket.close();
  });

  it('any JSON message: an error naming the field of the envelope (kind, requestId, after), never a crash', async () => {
    const view = await openSocket();
    const message = fc.oneof(
      fc.jsonValue(),
      anyValue,
      fc.record(
        {
          kind: fc.oneof(fc.constantFrom('subscribe', 'command', '__proto__', 'constructor'), fc.jsonValue()),
          after: fc.jsonValue(),
          requestId: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
    );
    await unchanged(() =>
      fc.assert(
        fc.asyncProperty(message, async (value) => {
          const text = JSON.stringify(value) ?? 'null';
          if (Buffer.byteLength(text) > MAX_BODY_BYTES) return;
          view.socket.send(text);
          // a valid subscribe answers with status (+ maybe a snapshot); anything else with one error or reply
          const answer = await view.next();
          if (answer.kind === 'status') {
            if ((value as { after?: number }).after !== host().services.bus.state.seq) await view.next();
            return;
          }
          expect(['error', 'reply']).toContain(answer.kind);
          const error = answer.kind === 'error' ? answer.error : answer.kind === 'reply' && !answer.result.ok ? answer.result.error : null;
          expect(error).not.toBeNull();
          if (error!.code === 'invalid') expect(typeof error!.field).toBe('string');
        }),
        { numRuns: 300 },
      ),
    );
    view.socket.close();
  });

  it('binary frames, non-JSON text and deep nesting: an error message, the socket stays open', async () => {
    const view = await openSocket();
    await unchanged(async () => {
      view.socket.send(Buffer.from([1, 2, 3]), { binary: true });
      expect(await view.next()).toMatchObject({ kind: 'error', error: { code: 'bad_json' } });
      view.socket.send('{"kind": "subscribe", ');
      expect(await view.next()).toMatchObject({ kind: 'error', error: { code: 'bad_json' } });
      view.socket.send(`${'['.repeat(30_000)}${']'.repeat(30_000)}`);
      expect(await view.next()).toMatchObject({ kind: 'error', error: { code: 'invalid' } });
      view.socket.send(`{"kind":"command","requestId":"deep","command":${'['.repeat(20_000)}${']'.repeat(20_000)}}`);
      expect(await view.next()).toMatchObject({ kind: 'reply', requestId: 'deep', result: { ok: false, error: { field: 'type' } } });
      view.socket.send(
        '{"kind":"command","requestId":"p","command":{"type":"addNote","incidentId":"x","text":"y","__proto__":{"polluted":1}}}',
      );
      expect(await view.next()).toMatchObject({
        kind: 'reply',
        result: { ok: false, error: { field: '__proto__', message: 'unknown field' } },
      });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
    expect(view.socket.readyState).toBe(WebSocket.OPEN);
    view.socket.close();
  });

  it('a message over 64 KiB (10 MB) closes that socket with 1009; invalid UTF-8 closes it with 1007; the host and other views go on', async () => {
    const bystander = await openSocket();
    bystander.socket.send(JSON.stringify({ kind: 'subscribe', after: 0 }));
    expect((await bystander.next()).kind).toBe('status');
    await unchanged(async () => {
      const big = await openSocket();
      big.socket.send('x'.repeat(10 * 1024 * 1024));
      expect(await big.closed).toBe(1009);

      const broken = await openSocket();
      // a text frame whose bytes are not UTF-8 (ws would refuse to build one, so the frame is sent raw)
      const payload = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
      const mask = Buffer.from([1, 2, 3, 4]);
      const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
      (broken.socket as unknown as { _socket: Socket })._socket.write(
        Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, masked]),
      );
      expect(await broken.closed).toBe(1007);
    });
    bystander.socket.send(JSON.stringify({ kind: 'command', requestId: 'alive', command: { type: 'acknowledge', incidentId: 'nobody' } }));
    expect(await bystander.next()).toMatchObject({
      kind: 'reply',
      requestId: 'alive',
      result: { ok: false, error: { code: 'not_found' } },
    });
    bystander.socket.close();
  });

  it('a malformed upgrade request target is refused without taking the host down', async () => {
    await unchanged(async () => {
      for (const target of ['http://[::1', '//', 'http://host:99999/api/v1/socket', '/api/v1/socket/../../x']) {
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = connect(Number(host().url.port), host().url.hostname);
          let text = '';
          socket.on('data', (chunk) => (text += chunk.toString()));
          socket.on('close', () => resolve(text));
          socket.on('error', reject);
          socket.write(
            `GET ${target} HTTP/1.1\r\nHost: ${host().url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
          );
          setTimeout(() => socket.end(), 300);
        });
        expect(answer.startsWith('HTTP/1.1 101'), `${target}: ${answer}`).toBe(false);
      }
    });
  });
});
